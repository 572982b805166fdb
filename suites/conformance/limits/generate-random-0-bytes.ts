/** GenerateRandom NumberOfBytes is 1..1024 and required (aws-observed.md V2-V4, recorded on AWS). */
import { GenerateRandomCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { recorded } from '../_lib/sources.js';

export default defineCase({
  id: 'limits.generate-random-0-bytes',
  title: "GenerateRandom refuses NumberOfBytes 0: Value '0' at 'numberOfBytes' ... greater than or equal to 1 (V3)",
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateRandom.html#KMS-GenerateRandom-request-NumberOfBytes',
  source: recorded('spec/aws-observed.md §6.1 V3 (LS-SNAP test_generate_random_invalid_number_of_bytes[0])'),
  tags: ['limits'],
  ops: ['GenerateRandom'],
  async run(t) {
    await t.expectError(t.kms.send(new GenerateRandomCommand({ NumberOfBytes: 0 })), {
      code: 'ValidationException',
      status: 400,
      message: "1 validation error detected: Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1",
    });
  },
});
