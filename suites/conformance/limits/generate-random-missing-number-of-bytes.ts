/** GenerateRandom NumberOfBytes is 1..1024 and required (aws-observed.md V2-V4, recorded on AWS). */
import { defineCase } from '../../../harness/conformance/case.js';
import { recorded } from '../_lib/sources.js';

export default defineCase({
  id: 'limits.generate-random-missing-number-of-bytes',
  title: 'GenerateRandom without NumberOfBytes is refused: ValidationException "NumberOfBytes is required." (V2)',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateRandom.html#KMS-GenerateRandom-request-NumberOfBytes',
  source: recorded('spec/aws-observed.md §6.1 V2 (LS-SNAP test_generate_random_invalid_number_of_bytes[None])'),
  tags: ['limits'],
  ops: ['GenerateRandom'],
  async run(t) {
    const reply = await t.raw('GenerateRandom', {});
    t.expectEqual([reply.status, reply.errorCode, reply.errorMessage], [400, 'ValidationException', 'NumberOfBytes is required.'], 'status, code and message');
  },
});
