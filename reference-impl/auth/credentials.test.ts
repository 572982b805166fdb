import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CredentialStore, CredentialsConfigError } from './credentials.js';
import {
  createCredentialStore,
  credentialStoreFromConfig,
  loadCredentialsFile,
  parseCredentialsFile,
  type CredentialsFileInput,
} from './credentials-file.js';

const alice = {
  accountId: '444455556666',
  principals: [
    { arn: 'arn:aws:iam::444455556666:user/dev/alice', accessKeys: [{ accessKeyId: 'AKIAALICE0000000001', secretAccessKey: 's1' }] },
    {
      arn: 'arn:aws:sts::444455556666:assumed-role/Admin/session-1',
      accessKeys: [{ accessKeyId: 'ASIAADMIN000000001', secretAccessKey: 's2', sessionToken: 'tok' }],
    },
    { arn: 'arn:aws:iam::444455556666:role/service-role/Builder', accessKeys: [{ accessKeyId: 'AKIABUILDER00000001', secretAccessKey: 's3' }] },
  ],
};

describe('CredentialStore', () => {
  it('defaults to test/test in account 111122223333 as root', () => {
    const s = CredentialStore.default();
    expect(s.size).toBe(1);
    expect(s.lookup('test')).toMatchObject({
      accessKeyId: 'test',
      secretAccessKey: 'test',
      sessionToken: undefined,
      principal: { accountId: '111122223333', arn: 'arn:aws:iam::111122223333:root', accessKeyId: 'test', identityPolicies: [] },
    });
    expect(s.lookup('test')!.principal.caller).toMatchObject({ arn: 'arn:aws:iam::111122223333:root', account: '111122223333', isRoot: true });
    expect(s.lookup('TEST')).toBeUndefined();
    expect(s.lookup('__proto__')).toBeUndefined();
    expect(createCredentialStore().lookup('test')).toBeDefined();
  });

  it('adds file accounts and keeps the default unless told not to', () => {
    const s = credentialStoreFromConfig({ accounts: [alice] });
    expect(s.size).toBe(4);
    expect(s.lookup('test')).toBeDefined();
    expect(s.lookup('ASIAADMIN000000001')).toMatchObject({
      sessionToken: 'tok',
      principal: { accountId: '444455556666', arn: 'arn:aws:sts::444455556666:assumed-role/Admin/session-1' },
    });
    expect(s.accountIds().sort()).toEqual(['111122223333', '444455556666']);
    const only = credentialStoreFromConfig({ includeDefault: false, accounts: [alice] });
    expect(only.lookup('test')).toBeUndefined();
    expect([...only].map((r) => r.accessKeyId).sort()).toEqual(['AKIAALICE0000000001', 'AKIABUILDER00000001', 'ASIAADMIN000000001']);
  });

  it('records and principals are frozen', () => {
    const r = CredentialStore.default().lookup('test')!;
    expect(Object.isFrozen(r)).toBe(true);
    expect(Object.isFrozen(r.principal)).toBe(true);
  });

  it('rejects malformed files with every problem named', () => {
    const bad = (cfg: unknown) => () => parseCredentialsFile(cfg);
    expect(bad({ accounts: [{ accountId: '123', principals: [] }] })).toThrow(CredentialsConfigError);
    expect(bad({ accounts: [{ accountId: '123', principals: [] }] })).toThrow(/12 digits/);
    expect(bad({ accounts: [{ ...alice, principals: [{ arn: 'arn:aws:iam::999999999999:user/x', accessKeys: [{ accessKeyId: 'AKIAX', secretAccessKey: 's' }] }] }] })).toThrow(
      /not in account 444455556666/,
    );
    expect(bad({ accounts: [alice, { ...alice, accountId: '444455556666' }] })).toThrow(/duplicate account/);
    expect(bad({ accounts: [alice, { accountId: '777788889999', principals: [{ arn: 'arn:aws:iam::777788889999:root', accessKeys: [{ accessKeyId: 'AKIAALICE0000000001', secretAccessKey: 'x' }] }] }] })).toThrow(
      /duplicate access key id AKIAALICE0000000001/,
    );
    // A file key may not shadow the built-in `test` key while it is included.
    const shadow: CredentialsFileInput = { accounts: [{ accountId: '777788889999', principals: [{ arn: 'arn:aws:iam::777788889999:root', accessKeys: [{ accessKeyId: 'test', secretAccessKey: 'x' }] }] }] };
    expect(bad(shadow)).toThrow(/duplicate access key id test/);
    expect(credentialStoreFromConfig({ ...shadow, includeDefault: false }).lookup('test')!.principal.accountId).toBe('777788889999');
    // Ids that cannot appear in a Credential= parameter are refused.
    for (const id of ['a/b', 'a,b', 'a b', 'a=b', '']) {
      expect(bad({ accounts: [{ accountId: '777788889999', principals: [{ arn: 'arn:aws:iam::777788889999:root', accessKeys: [{ accessKeyId: id, secretAccessKey: 'x' }] }] }] }), id).toThrow(
        CredentialsConfigError,
      );
    }
    expect(bad({ accounts: [], extra: true })).toThrow(CredentialsConfigError);
    expect(bad({ accounts: [{ accountId: '777788889999', principals: [{ arn: 'arn:aws:s3:::bucket', accessKeys: [{ accessKeyId: 'AKIAX', secretAccessKey: 'x' }] }] }] })).toThrow(
      /principal ARN/,
    );
  });

  it('loads a JSON file and reports unreadable or invalid files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmsbench-creds-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ accounts: [alice] }));
    expect(loadCredentialsFile(good).lookup('AKIABUILDER00000001')!.principal.arn).toBe('arn:aws:iam::444455556666:role/service-role/Builder');
    expect(createCredentialStore(good).size).toBe(4);
    const notJson = join(dir, 'bad.json');
    writeFileSync(notJson, '{ accounts: ');
    expect(() => loadCredentialsFile(notJson)).toThrow(/not valid JSON/);
    expect(() => loadCredentialsFile(join(dir, 'missing.json'))).toThrow(/cannot read credentials file/);
    const invalid = join(dir, 'invalid.json');
    writeFileSync(invalid, JSON.stringify({ accounts: [{ accountId: 'x' }] }));
    expect(() => loadCredentialsFile(invalid)).toThrow(new RegExp(`invalid credentials file ${invalid.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
  });

  it('looks up in constant time regardless of store size', () => {
    const many = CredentialStore.fromRecords(
      Array.from({ length: 100_000 }, (_, i) => ({
        accessKeyId: `AKIA${String(i).padStart(16, '0')}`,
        secretAccessKey: 's',
        accountId: '111122223333',
        arn: 'arn:aws:iam::111122223333:root',
      })),
    );
    expect(many.size).toBe(100_000);
    expect(many.lookup('AKIA0000000000099999')).toBeDefined();
    expect(many.lookup('AKIA0000000000100000')).toBeUndefined();
  });
});
