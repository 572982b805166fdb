/** GetKeyRotationStatus without its required KeyId is refused before any key is looked up (MODEL GetKeyRotationStatusRequest KeyId required). */
import { defineCase } from '../../../harness/conformance/case.js';
import { expectRawError } from '../_lib/support.js';
import { inferred } from '../_lib/sources.js';

export default defineCase({
  id: 'rotation.get-key-rotation-status-missing-key-id',
  title: 'GetKeyRotationStatus without the required KeyId is refused with ValidationException (HTTP 400)',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyRotationStatus.html#KMS-GetKeyRotationStatus-request-KeyId',
  source: inferred('service model: GetKeyRotationStatusRequest KeyId is required; a missing required member is ValidationException on AWS (recorded for GenerateRandom NumberOfBytes: spec/aws-observed.md §6.1 V2); wording for KeyId not recorded: code only'),
  tags: ['rotation'],
  ops: ['GetKeyRotationStatus'],
  async run(t) {
    expectRawError(t, await t.raw('GetKeyRotationStatus', {}), { status: 400, code: 'ValidationException' }, 'GetKeyRotationStatus');
  },
});
