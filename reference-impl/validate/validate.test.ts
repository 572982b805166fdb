import { describe, expect, it } from 'vitest';
import { KmsError } from '../errors.js';
import { validateRequest, type OperationName } from './index.js';

const b64 = (n: number, fill = 0x41): string => Buffer.alloc(n, fill).toString('base64');
const KEY = '1234abcd-12ab-34cd-56ef-1234567890ab';

/** The error `validateRequest` throws, as `{ code, message }`; fails the test if it returns. */
function failure(op: OperationName, body: unknown): { code: string; message: string; status: number } {
  try {
    validateRequest(op, body);
  } catch (e) {
    expect(e).toBeInstanceOf(KmsError);
    const k = e as KmsError;
    return { code: k.code, message: k.message, status: k.status };
  }
  throw new Error(`${op} accepted ${JSON.stringify(body).slice(0, 200)}`);
}

const one = (s: string): string => `1 validation error detected: ${s}`;

describe('ValidationException: one violation, AWS wording', () => {
  // Each row: operation, body, the exact message. Rows marked "real KMS" are verbatim AWS answers
  // (LocalStack's snapshots recorded against AWS, moto's aws-verified tests, user reports).
  const cases: [string, OperationName, unknown, string][] = [
    [
      'plaintext too long (real KMS)',
      'Encrypt',
      { KeyId: KEY, Plaintext: b64(4097) },
      one("Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096"),
    ],
    [
      'empty plaintext (real KMS)',
      'Encrypt',
      { KeyId: KEY, Plaintext: '' },
      one("Value at 'plaintext' failed to satisfy constraint: Member must have length greater than or equal to 1"),
    ],
    [
      'empty key id (real KMS)',
      'Encrypt',
      { KeyId: '', Plaintext: b64(3) },
      one("Value '' at 'keyId' failed to satisfy constraint: Member must have length greater than or equal to 1"),
    ],
    [
      'missing key id (real KMS)',
      'DescribeKey',
      {},
      one("Value null at 'keyId' failed to satisfy constraint: Member must not be null"),
    ],
    [
      'explicit null is missing',
      'DescribeKey',
      { KeyId: null },
      one("Value null at 'keyId' failed to satisfy constraint: Member must not be null"),
    ],
    [
      'key id too long',
      'DescribeKey',
      { KeyId: 'k'.repeat(2049) },
      one(`Value '${'k'.repeat(2049)}' at 'keyId' failed to satisfy constraint: Member must have length less than or equal to 2048`),
    ],
    [
      'number of bytes too small (real KMS)',
      'GenerateRandom',
      { NumberOfBytes: 0 },
      one("Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1"),
    ],
    [
      'number of bytes too large (real KMS)',
      'GenerateRandom',
      { NumberOfBytes: 1025 },
      one("Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024"),
    ],
    [
      'data key spec not in enum',
      'GenerateDataKey',
      { KeyId: KEY, KeySpec: 'FOO' },
      one("Value 'FOO' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: [AES_256, AES_128]"),
    ],
    [
      'MAC algorithm in the order real KMS prints it (real KMS)',
      'GenerateMac',
      { KeyId: KEY, MacAlgorithm: 'INVALID', Message: b64(4) },
      one(
        "Value 'INVALID' at 'macAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [HMAC_SHA_384, HMAC_SHA_256, HMAC_SHA_224, HMAC_SHA_512]",
      ),
    ],
    [
      'alias name pattern',
      'CreateAlias',
      { AliasName: 'alias/bad name', TargetKeyId: KEY },
      one("Value 'alias/bad name' at 'aliasName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$"),
    ],
    [
      'non-sensitive blob shown as a ByteBuffer, never its bytes (local-kms, after KMS)',
      'Decrypt',
      { CiphertextBlob: '' },
      one(
        "Value 'java.nio.HeapByteBuffer[pos=0 lim=0 cap=0]' at 'ciphertextBlob' failed to satisfy constraint: Member must have length greater than or equal to 1",
      ),
    ],
    [
      'blob max applies to the decoded bytes',
      'Decrypt',
      { CiphertextBlob: b64(6145) },
      one(
        "Value 'java.nio.HeapByteBuffer[pos=0 lim=6145 cap=6145]' at 'ciphertextBlob' failed to satisfy constraint: Member must have length less than or equal to 6144",
      ),
    ],
    [
      'list length',
      'Encrypt',
      { KeyId: KEY, Plaintext: b64(1), GrantTokens: Array.from({ length: 11 }, (_, i) => `t${i}`) },
      one(
        "Value '[t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10]' at 'grantTokens' failed to satisfy constraint: Member must have length less than or equal to 10",
      ),
    ],
    [
      'list element constraints are one error at the list (as real ACM reports them)',
      'Encrypt',
      { KeyId: KEY, Plaintext: b64(1), GrantTokens: ['ok', ''] },
      one(
        "Value '[ok, ]' at 'grantTokens' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 8192, Member must have length greater than or equal to 1]",
      ),
    ],
    [
      'enum list element',
      'CreateGrant',
      { KeyId: KEY, GranteePrincipal: 'p', Operations: ['Encrypt', 'Fly'] },
      one(
        "Value '[Encrypt, Fly]' at 'operations' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [Decrypt, Encrypt, GenerateDataKey, GenerateDataKeyWithoutPlaintext, ReEncryptFrom, ReEncryptTo, Sign, Verify, GetPublicKey, CreateGrant, RetireGrant, DescribeKey, GenerateDataKeyPair, GenerateDataKeyPairWithoutPlaintext, GenerateMac, VerifyMac, DeriveSharedSecret]]",
      ),
    ],
    [
      'nested path inside a list of structures',
      'TagResource',
      { KeyId: KEY, Tags: [{ TagKey: 'a', TagValue: 'b' }, { TagKey: 'k'.repeat(129), TagValue: 'v' }] },
      one(`Value '${'k'.repeat(129)}' at 'tags.2.member.tagKey' failed to satisfy constraint: Member must have length less than or equal to 128`),
    ],
    [
      'missing member inside a list of structures',
      'CreateKey',
      { Tags: [{ TagValue: 'v' }] },
      one("Value null at 'tags.1.member.tagKey' failed to satisfy constraint: Member must not be null"),
    ],
    [
      'nested structure path',
      'CreateCustomKeyStore',
      { CustomKeyStoreName: 'n', XksProxyAuthenticationCredential: { AccessKeyId: 'A'.repeat(20) } },
      one("Value at 'xksProxyAuthenticationCredential.rawSecretAccessKey' failed to satisfy constraint: Member must not be null"),
    ],
    [
      'exactly-sized account id pattern',
      'CreateCustomKeyStore',
      { CustomKeyStoreName: 'n', XksProxyVpcEndpointServiceOwner: '12345678901x' },
      one("Value '12345678901x' at 'xksProxyVpcEndpointServiceOwner' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9]{12}"),
    ],
    [
      'model range for PendingWindowInDays (real KMS narrows it further in the handler)',
      'ScheduleKeyDeletion',
      { KeyId: KEY, PendingWindowInDays: 366 },
      one("Value '366' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value less than or equal to 365"),
    ],
    [
      'string length counts code points, not UTF-16 units',
      'CreateKey',
      { Tags: [{ TagKey: '😀'.repeat(129), TagValue: '' }] },
      one(`Value '${'😀'.repeat(129)}' at 'tags.1.member.tagKey' failed to satisfy constraint: Member must have length less than or equal to 128`),
    ],
  ];

  it.each(cases)('%s', (_, op, body, message) => {
    expect(failure(op, body)).toEqual({ code: 'ValidationException', message, status: 400 });
  });
});

describe('ValidationException: several violations', () => {
  it('counts them, joins with "; ", in member order (real DynamoDB/Cognito format)', () => {
    const f = failure('Encrypt', { KeyId: '', Plaintext: b64(5000), EncryptionAlgorithm: 'ROT13' });
    expect(f.message).toBe(
      '3 validation errors detected: ' +
        "Value '' at 'keyId' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096; " +
        "Value 'ROT13' at 'encryptionAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [SYMMETRIC_DEFAULT, RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256, SM2PKE]",
    );
  });

  it('reports pattern and length of the same member separately, pattern first', () => {
    const f = failure('CreateAlias', { AliasName: '', TargetKeyId: KEY });
    expect(f.message).toBe(
      '2 validation errors detected: ' +
        "Value '' at 'aliasName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$; " +
        "Value '' at 'aliasName' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });

  it('stops at 10 and says 10', () => {
    const tags = Array.from({ length: 15 }, () => ({ TagKey: '', TagValue: 'v' }));
    const f = failure('CreateKey', { Tags: tags });
    expect(f.message.startsWith('10 validation errors detected: ')).toBe(true);
    const parts = f.message.slice('10 validation errors detected: '.length).split('; ');
    expect(parts).toHaveLength(10);
    expect(parts[0]).toBe("Value '' at 'tags.1.member.tagKey' failed to satisfy constraint: Member must have length greater than or equal to 1");
    expect(parts[9]).toContain("'tags.10.member.tagKey'");
  });

  it('reports a list length error before its elements', () => {
    const f = failure('Encrypt', { KeyId: KEY, Plaintext: b64(1), GrantTokens: [...Array(10).fill('t'), ''] });
    const parts = f.message.split('; ');
    expect(parts[0]).toMatch(/^2 validation errors detected: Value '\[t, t, t, t, t, t, t, t, t, t, \]' at 'grantTokens' .* less than or equal to 10$/);
    expect(parts[1]).toMatch(/Member must satisfy constraint: \[/);
  });
});

describe('SerializationException: wrong JSON types', () => {
  const cases: [string, OperationName, unknown, string][] = [
    ['number for a string', 'DescribeKey', { KeyId: 42 }, 'NUMBER_VALUE can not be converted to a String'],
    ['true for a string', 'DescribeKey', { KeyId: true }, 'TRUE_VALUE can not be converted to a String'],
    ['false for a string', 'DescribeKey', { KeyId: false }, 'FALSE_VALUE can not be converted to a String'],
    ['object for a string', 'DescribeKey', { KeyId: {} }, 'Start of structure or map found where not expected.'],
    ['array for a string', 'DescribeKey', { KeyId: ['a'] }, 'Start of list found where not expected'],
    ['string for an integer', 'GenerateRandom', { NumberOfBytes: '12' }, 'STRING_VALUE can not be converted to an Integer'],
    ['true for an integer', 'GenerateRandom', { NumberOfBytes: true }, 'TRUE_VALUE can not be converted to an Integer'],
    ['number beyond 64 bits', 'GenerateRandom', { NumberOfBytes: 1e20 }, ''],
    ['number for a boolean', 'Encrypt', { KeyId: KEY, Plaintext: b64(1), DryRun: 1 }, 'NUMBER_VALUE can not be converted to a Boolean'],
    ['odd string for a boolean', 'Encrypt', { KeyId: KEY, Plaintext: b64(1), DryRun: 'maybe' }, 'STRING_VALUE can not be converted to an Boolean'],
    ['object where a list is expected', 'Encrypt', { KeyId: KEY, Plaintext: b64(1), GrantTokens: {} }, 'Start of structure or map found where not expected.'],
    ['string where a list is expected', 'Encrypt', { KeyId: KEY, Plaintext: b64(1), GrantTokens: 't' }, 'Expected list or null'],
    ['array where a map is expected', 'Encrypt', { KeyId: KEY, Plaintext: b64(1), EncryptionContext: [] }, 'Start of list found where not expected'],
    ['string where a map is expected', 'Encrypt', { KeyId: KEY, Plaintext: b64(1), EncryptionContext: 'a=b' }, 'Expected map or null'],
    ['number as a map value', 'Encrypt', { KeyId: KEY, Plaintext: b64(1), EncryptionContext: { a: 1 } }, 'NUMBER_VALUE can not be converted to a String'],
    ['string where a structure is expected', 'CreateGrant', { KeyId: KEY, GranteePrincipal: 'p', Operations: [], Constraints: 'x' }, 'Expected null'],
    ['array where a structure is expected', 'CreateGrant', { KeyId: KEY, GranteePrincipal: 'p', Operations: [], Constraints: [] }, 'Start of list found where not expected'],
    ['number for a blob', 'Encrypt', { KeyId: KEY, Plaintext: 12 }, 'NUMBER_VALUE can not be converted to a Blob'],
    ['object for a blob', 'Encrypt', { KeyId: KEY, Plaintext: { data: [1] } }, 'Start of structure or map found where not expected.'],
    ['base64 of bad length', 'Encrypt', { KeyId: KEY, Plaintext: 'QUJD1' }, 'Base64 encoded length is expected a multiple of 4 bytes but found: 5'],
    ['base64 with a bad character', 'Encrypt', { KeyId: KEY, Plaintext: 'QU JD' + 'AAA' }, 'Invalid Base64 character'],
    ['URL-safe base64', 'Encrypt', { KeyId: KEY, Plaintext: 'ab-_' }, 'Invalid Base64 character'],
    ['padding in the middle', 'Encrypt', { KeyId: KEY, Plaintext: 'QQ==QUJD' }, 'Invalid last non-pad Base64 character dectected'],
    ['non-canonical last character', 'Encrypt', { KeyId: KEY, Plaintext: '+/+=' }, 'Invalid last non-pad Base64 character dectected'],
    ['string for a timestamp', 'ImportKeyMaterial', { KeyId: KEY, ImportToken: b64(1), EncryptedKeyMaterial: b64(1), ValidTo: '2030-01-01' }, 'STRING_VALUE can not be converted to a Timestamp'],
    ['body is an array', 'Encrypt', [], 'Start of list found where not expected'],
    ['body is null', 'Encrypt', null, ''],
    ['body is a string', 'Encrypt', '{"KeyId":"k"}', ''],
    ['no body', 'ListKeys', undefined, ''],
  ];

  it.each(cases)('%s', (_, op, body, message) => {
    expect(failure(op, body)).toEqual({ code: 'SerializationException', message, status: 400 });
  });

  it('wins over constraint violations found earlier in the body', () => {
    expect(failure('Encrypt', { KeyId: '', Plaintext: b64(5000), EncryptionAlgorithm: 7 }).code).toBe('SerializationException');
  });
});

describe('accepted input and conversions', () => {
  it('decodes blobs once into Buffers and keeps the rest', () => {
    const out = validateRequest('Encrypt', {
      KeyId: KEY,
      Plaintext: Buffer.from('hello').toString('base64'),
      EncryptionContext: { tenant: 't-42' },
      GrantTokens: ['g'],
      EncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
      DryRun: false,
    });
    expect(Buffer.isBuffer(out.Plaintext)).toBe(true);
    expect(out.Plaintext.toString()).toBe('hello');
    expect(out).toEqual({
      KeyId: KEY,
      Plaintext: Buffer.from('hello'),
      EncryptionContext: { tenant: 't-42' },
      GrantTokens: ['g'],
      EncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
      DryRun: false,
    });
  });

  it('ignores unknown members, as AWS JSON services do', () => {
    const out = validateRequest('DescribeKey', { KeyId: KEY, SomeFutureMember: { x: 1 }, keyId: 'lower-case is a different member' });
    expect(out).toEqual({ KeyId: KEY });
  });

  it('treats null optional members as absent and drops nulls in lists and maps', () => {
    const out = validateRequest('Encrypt', { KeyId: KEY, Plaintext: b64(1), GrantTokens: ['a', null, 'b'], EncryptionContext: { a: 'x', b: null }, DryRun: null });
    expect(out).toEqual({ KeyId: KEY, Plaintext: Buffer.from([0x41]), GrantTokens: ['a', 'b'], EncryptionContext: { a: 'x' } });
  });

  it('truncates fractional integers toward zero and reads Coral boolean spellings', () => {
    expect(validateRequest('GenerateRandom', { NumberOfBytes: 32.9 })).toEqual({ NumberOfBytes: 32 });
    expect(validateRequest('Encrypt', { KeyId: KEY, Plaintext: b64(1), DryRun: 'TRUE' }).DryRun).toBe(true);
    expect(validateRequest('Encrypt', { KeyId: KEY, Plaintext: b64(1), DryRun: 'no' }).DryRun).toBe(false);
  });

  it('reads timestamps as epoch seconds', () => {
    const out = validateRequest('ImportKeyMaterial', { KeyId: KEY, ImportToken: b64(1), EncryptedKeyMaterial: b64(1), ValidTo: 1_700_000_000.25 });
    expect(out.ValidTo).toEqual(new Date(1_700_000_000_250));
  });

  it('keeps an encryption context key named __proto__ as data', () => {
    const out = validateRequest('Encrypt', JSON.parse(`{"KeyId":"${KEY}","Plaintext":"QQ==","EncryptionContext":{"__proto__":"x","b":null}}`));
    expect(Object.getPrototypeOf(out.EncryptionContext)).toBe(Object.prototype);
    expect(Object.keys(out.EncryptionContext!)).toEqual(['__proto__']);
    expect(out.EncryptionContext!['__proto__']).toBe('x');
  });

  it('answers UnknownOperationException for a name that is not an operation', () => {
    expect(() => validateRequest('Frobnicate' as OperationName, {})).toThrowError(expect.objectContaining({ code: 'UnknownOperationException' }));
    expect(() => validateRequest('toString' as OperationName, {})).toThrowError(expect.objectContaining({ code: 'UnknownOperationException' }));
  });

  it('never throws a bare Error', () => {
    for (const body of [undefined, null, 1, 'x', [], {}, { KeyId: {} }, { KeyId: 'k', Plaintext: '%%%%' }]) {
      try {
        validateRequest('Encrypt', body);
      } catch (e) {
        expect(e).toBeInstanceOf(KmsError);
      }
    }
  });
});

describe('fault echo-plaintext (validateRequestLeakingValues)', () => {
  it('quotes the plaintext the real validator hides', async () => {
    const { validateRequestLeakingValues } = await import('./index.js');
    const plaintext = Buffer.alloc(4097, 0x41).toString('base64');
    const leak = (() => {
      try {
        validateRequestLeakingValues('Encrypt', { KeyId: 'k', Plaintext: plaintext });
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    expect(leak).toContain(plaintext);
    expect(() => validateRequest('Encrypt', { KeyId: 'k', Plaintext: plaintext })).toThrow(/^1 validation error detected: Value at 'plaintext'/);
  });
});
