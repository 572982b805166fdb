import { members } from '../_lib/support.js';
import { VerifyMacCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { apiDoc, keyOf, mac, prepare, recorded } from '../_lib/asymmetric.js';

export default defineCase({
  id: 'hmac.verify-mac-response-members',
  title: 'VerifyMac of a valid MAC answers exactly KeyId (key ARN), MacValid true and MacAlgorithm',
  doc: apiDoc('VerifyMac', 'API_VerifyMac_ResponseSyntax'),
  source: recorded('spec/aws-observed.md §4.2 (VerifyMac: KeyId (ARN), MacValid true, MacAlgorithm)'),
  tags: ['hmac'],
  ops: ['CreateKey', 'GenerateMac', 'VerifyMac'],
  async run(t) {
    const key = await keyOf(t, 'HMAC_512', 'GENERATE_VERIFY_MAC');
    const message = t.bytes(10);
    const made = await prepare(t, key, { ...mac('HMAC_SHA_512', () => message), coveredBy: 'hmac.generate-mac-response-members' });
    const out = await t.kms.send(new VerifyMacCommand({ KeyId: key.KeyId, Message: message, Mac: made, MacAlgorithm: 'HMAC_SHA_512' }));
    t.expectEqual(members(out), ['KeyId', 'MacAlgorithm', 'MacValid'], 'response members');
    t.expectEqual([out.KeyId, out.MacValid, out.MacAlgorithm], [key.Arn, true, 'HMAC_SHA_512'], 'KeyId, MacValid, MacAlgorithm');
  },
});
