import { describe, expect, it } from 'vitest';
import { parseKeyRef } from './key-ref.js';

const id = '1234abcd-12ab-34cd-56ef-1234567890ab';

describe('parseKeyRef', () => {
  it('reads all four forms', () => {
    expect(parseKeyRef(id)).toEqual({ kind: 'keyId', keyId: id });
    expect(parseKeyRef(`arn:aws:kms:us-east-2:111122223333:key/${id}`)).toEqual({
      kind: 'keyArn',
      region: 'us-east-2',
      account: '111122223333',
      keyId: id,
    });
    expect(parseKeyRef('alias/ExampleAlias')).toEqual({ kind: 'aliasName', aliasName: 'alias/ExampleAlias' });
    expect(parseKeyRef('arn:aws:kms:us-east-2:111122223333:alias/ExampleAlias')).toEqual({
      kind: 'aliasArn',
      region: 'us-east-2',
      account: '111122223333',
      aliasName: 'alias/ExampleAlias',
    });
  });

  it('accepts multi-Region key ids', () => {
    expect(parseKeyRef('mrk-1234abcd12ab34cd56ef1234567890ab').kind).toBe('keyId');
  });

  it.each(['fake-key-id', '134f2428cec14b25a1ae9048164dba47', 'ExampleAlias', `arn:aws:kms:us-east-2:1111:key/${id}`, `arn:aws:kms:us-east-2:111122223333:key/nope`, 'arn:aws:s3:::bucket', id.toUpperCase()])(
    'marks %s invalid',
    (text) => expect(parseKeyRef(text).kind).toBe('invalid'),
  );
});
