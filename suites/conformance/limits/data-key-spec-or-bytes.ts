/**
 * GenerateDataKey* need exactly one of KeySpec / NumberOfBytes (facts sheet). AWS's message for
 * both/neither is not recorded (aws-observed.md V20), so these check the code.
 */
import { defineCase, type ConformanceCase } from '../../../harness/conformance/case.js';
import { expectRawError } from '../_lib/support.js';


const specOrBytes = (op: 'GenerateDataKey' | 'GenerateDataKeyWithoutPlaintext', slug: string, title: string, input: Record<string, unknown>): ConformanceCase =>
  defineCase({
    id: `limits.${op === 'GenerateDataKey' ? 'generate-data-key' : 'generate-data-key-without-plaintext'}-key-spec-${slug}`,
    title: `${op} with ${title} is refused with ValidationException`,
    doc: `https://docs.aws.amazon.com/kms/latest/APIReference/API_${op}.html#KMS-${op}-request-KeySpec`,
    tags: ['limits'],
    ops: ['CreateKey', op],
    async run(t) {
      const key = await t.createKey();
      expectRawError(t, await t.raw(op, { KeyId: key.KeyId, ...input }), { status: 400, code: 'ValidationException' }, op);
    },
  });

const cases: ConformanceCase[] = [
  specOrBytes('GenerateDataKey', 'both', 'both KeySpec and NumberOfBytes', { KeySpec: 'AES_256', NumberOfBytes: 32 }),
  specOrBytes('GenerateDataKey', 'neither', 'neither KeySpec nor NumberOfBytes', {}),
  specOrBytes('GenerateDataKey', 'unknown-key-spec', "a KeySpec outside [AES_256, AES_128] ('AES_257')", { KeySpec: 'AES_257' }),
  specOrBytes('GenerateDataKeyWithoutPlaintext', 'both', 'both KeySpec and NumberOfBytes', { KeySpec: 'AES_128', NumberOfBytes: 16 }),
  specOrBytes('GenerateDataKeyWithoutPlaintext', 'neither', 'neither KeySpec nor NumberOfBytes', {}),
];

export default cases;
