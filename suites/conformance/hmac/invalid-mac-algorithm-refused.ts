import { defineCase } from '../../../harness/conformance/case.js';
import { keyOf, recorded, requestDoc } from '../_lib/asymmetric.js';

export default defineCase({
  id: 'hmac.invalid-mac-algorithm-refused',
  title: 'GenerateMac with MacAlgorithm INVALID is refused with a ValidationException naming macAlgorithm',
  doc: requestDoc('GenerateMac', 'MacAlgorithm'),
  source: recorded('spec/aws-observed.md §6.1 V12'),
  tags: ['hmac', 'limits'],
  ops: ['CreateKey', 'GenerateMac'],
  async run(t) {
    const key = await keyOf(t, 'HMAC_256', 'GENERATE_VERIFY_MAC');
    const reply = await t.raw('GenerateMac', { KeyId: key.KeyId, Message: 'AAAA', MacAlgorithm: 'INVALID' });
    t.expectEqual([reply.status, reply.errorCode], [400, 'ValidationException'], 'status and code');
    t.check(/Value 'INVALID' at 'macAlgorithm' failed to satisfy constraint: Member must satisfy enum value set/.test(reply.errorMessage ?? ''), 'message names macAlgorithm and its enum', reply.errorMessage);
  },
});
