/** GenerateRandom NumberOfBytes is 1..1024 and required (aws-observed.md V2-V4, recorded on AWS). */
import { GenerateRandomCommand } from '@aws-sdk/client-kms';
import { defineCase, type ConformanceCase } from '../../../harness/conformance/case.js';

const DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateRandom.html#KMS-GenerateRandom-request-NumberOfBytes';

const accepted = (n: number): ConformanceCase =>
  defineCase({
    id: `limits.generate-random-${n}-bytes`,
    title: `GenerateRandom with NumberOfBytes ${n} returns ${n} bytes`,
    doc: DOC,
    tags: ['limits'],
    ops: ['GenerateRandom'],
    async run(t) {
      const out = await t.kms.send(new GenerateRandomCommand({ NumberOfBytes: n }));
      t.expectEqual(out.Plaintext?.length, n, 'Plaintext length');
    },
  });

const cases: ConformanceCase[] = [
  accepted(1),
  accepted(1024),
  defineCase({
    id: 'limits.generate-random-0-bytes',
    title: "GenerateRandom refuses NumberOfBytes 0: Value '0' at 'numberOfBytes' ... greater than or equal to 1 (V3)",
    doc: DOC,
    tags: ['limits'],
    ops: ['GenerateRandom'],
    async run(t) {
      await t.expectError(t.kms.send(new GenerateRandomCommand({ NumberOfBytes: 0 })), {
        code: 'ValidationException',
        status: 400,
        message: "1 validation error detected: Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1",
      });
    },
  }),
  defineCase({
    id: 'limits.generate-random-1025-bytes',
    title: "GenerateRandom refuses NumberOfBytes 1025: Value '1025' at 'numberOfBytes' ... less than or equal to 1024 (V4)",
    doc: DOC,
    tags: ['limits'],
    ops: ['GenerateRandom'],
    async run(t) {
      await t.expectError(t.kms.send(new GenerateRandomCommand({ NumberOfBytes: 1025 })), {
        code: 'ValidationException',
        status: 400,
        message: "1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024",
      });
    },
  }),
  defineCase({
    id: 'limits.generate-random-missing-number-of-bytes',
    title: 'GenerateRandom without NumberOfBytes is refused: ValidationException "NumberOfBytes is required." (V2)',
    doc: DOC,
    tags: ['limits'],
    ops: ['GenerateRandom'],
    async run(t) {
      const reply = await t.raw('GenerateRandom', {});
      t.expectEqual([reply.status, reply.errorCode, reply.errorMessage], [400, 'ValidationException', 'NumberOfBytes is required.'], 'status, code and message');
    },
  }),
];

export default cases;
