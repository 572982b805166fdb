/**
 * One case per KeyMetadata member of a new symmetric customer managed key: its JSON type on the
 * wire and its value (aws-observed.md §4.1; EX CreateKey / DescribeKey).
 */
import { defineCase, type CaseContext, type ConformanceCase } from '../../../harness/conformance/case.js';
import { createKeyRaw, expectRawOk, keyArn, UUID_PATTERN } from '../_lib/support.js';

type Check = (t: CaseContext, value: unknown, m: Record<string, unknown>) => void;

const equals =
  (expected: unknown): Check =>
  (t, value) =>
    t.expectEqual(value, expected, 'value on the wire');


const kebab = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2').toLowerCase();

const memberCase = (member: string, title: string, check: Check): ConformanceCase =>
  defineCase({
    id: `keys.key-metadata-${kebab(member)}`,
    title: `KeyMetadata.${member} of a new symmetric key ${title} (CreateKey, DescribeKey)`,
    doc: `https://docs.aws.amazon.com/kms/latest/APIReference/API_KeyMetadata.html#KMS-Type-KeyMetadata-${member}`,
    tags: ['semantics'],
    ops: ['CreateKey', 'DescribeKey'],
    async run(t) {
      const created = expectRawOk<{ KeyMetadata?: Record<string, unknown> }>(t, await createKeyRaw(t), 'CreateKey');
      const m = created.KeyMetadata ?? {};
      t.check(member in m, `CreateKey KeyMetadata has ${member}`, Object.keys(m));
      check(t, m[member], m);
      const described = expectRawOk<{ KeyMetadata?: Record<string, unknown> }>(t, await t.raw('DescribeKey', { KeyId: m.KeyId }), 'DescribeKey');
      const d = described.KeyMetadata ?? {};
      t.check(member in d, `DescribeKey KeyMetadata has ${member}`, Object.keys(d));
      check(t, d[member], d);
    },
  });

const cases: ConformanceCase[] = [
  memberCase('AWSAccountId', "is the caller's account id, a string", (t, v) => t.expectEqual(v, t.account, 'AWSAccountId')),
  memberCase('Arn', 'is arn:<partition>:kms:<region>:<account>:key/<KeyId>', (t, v, m) => t.expectEqual(v, keyArn(t, String(m.KeyId)), 'Arn')),
  memberCase('KeyId', 'is a lower-case UUID string', (t, v) => t.check(typeof v === 'string' && UUID_PATTERN.test(v), 'KeyId is a UUID', v)),
  memberCase(
    'CreationDate',
    'is a number of epoch seconds, not a string',
    (t, v) => t.check(typeof v === 'number' && Number.isFinite(v) && v > 1_400_000_000 && v < 10_000_000_000, 'CreationDate is epoch seconds', v),
  ),
  memberCase('Enabled', 'is the boolean true', equals(true)),
  memberCase('KeyState', 'is Enabled', equals('Enabled')),
  memberCase('KeyUsage', 'is ENCRYPT_DECRYPT', equals('ENCRYPT_DECRYPT')),
  memberCase('KeySpec', 'is SYMMETRIC_DEFAULT', equals('SYMMETRIC_DEFAULT')),
  memberCase('CustomerMasterKeySpec', 'is SYMMETRIC_DEFAULT (as KeySpec)', equals('SYMMETRIC_DEFAULT')),
  memberCase('EncryptionAlgorithms', 'is the list [SYMMETRIC_DEFAULT]', equals(['SYMMETRIC_DEFAULT'])),
  memberCase('KeyManager', 'is CUSTOMER', equals('CUSTOMER')),
  memberCase('Origin', 'is AWS_KMS', equals('AWS_KMS')),
  memberCase('MultiRegion', 'is the boolean false', equals(false)),
  memberCase('Description', 'is "" when none was given', equals('')),
  memberCase(
    'CurrentKeyMaterialId',
    'is a non-empty string',
    (t, v) => t.check(typeof v === 'string' && v.length > 0, 'CurrentKeyMaterialId is a non-empty string', v),
  ),
];

export default cases;
