import { describe, expect, it } from 'vitest';
import { CredentialStore } from './credentials.js';
import { PermissiveCredentials } from './permissive.js';

describe('permissive credentials', () => {
  const store = CredentialStore.fromRecords([
    { accessKeyId: 'AKIDALICE', secretAccessKey: 's', accountId: '444455556666', arn: 'arn:aws:iam::444455556666:user/alice' },
  ]);
  const permissive = new PermissiveCredentials(store, '111122223333');

  it('keeps the principals of the credential store', () => {
    expect(permissive.lookup('AKIDALICE')).toBe(store.lookup('AKIDALICE'));
  });

  it('makes a 12-digit access key id the root of that account, and any other id the default account’s root', () => {
    expect(permissive.lookup('777788889999')!.principal).toEqual({ accountId: '777788889999', arn: 'arn:aws:iam::777788889999:root', accessKeyId: '777788889999' });
    expect(permissive.lookup('whatever')!.principal).toEqual({ accountId: '111122223333', arn: 'arn:aws:iam::111122223333:root', accessKeyId: 'whatever' });
    expect(permissive.lookup('1234567890123')!.principal.accountId).toBe('111122223333'); // 13 digits: not an account
    expect(permissive.lookup('whatever')).toBe(permissive.lookup('whatever'));
  });
});
