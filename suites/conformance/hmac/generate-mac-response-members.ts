import { members } from '../_lib/support.js';
import { GenerateMacCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { apiDoc, keyOf, recorded } from '../_lib/asymmetric.js';

export default defineCase({
  id: 'hmac.generate-mac-response-members',
  title: 'GenerateMac answers exactly Mac, MacAlgorithm and KeyId (key ARN)',
  doc: apiDoc('GenerateMac', 'API_GenerateMac_ResponseSyntax'),
  source: recorded('spec/aws-observed.md §4.2 (GenerateMac: KeyId (ARN), Mac, MacAlgorithm; LS-SNAP test_import_key_hmac_keys)'),
  tags: ['hmac'],
  ops: ['CreateKey', 'GenerateMac'],
  async run(t) {
    const key = await keyOf(t, 'HMAC_224', 'GENERATE_VERIFY_MAC');
    const out = await t.kms.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: t.bytes(10), MacAlgorithm: 'HMAC_SHA_224' }));
    t.expectEqual(members(out), ['KeyId', 'Mac', 'MacAlgorithm'], 'response members');
    t.expectEqual([out.KeyId, out.MacAlgorithm], [key.Arn, 'HMAC_SHA_224'], 'KeyId (ARN) and MacAlgorithm');
  },
});
