import { members } from '../_lib/support.js';
import { GenerateDataKeyPairCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { apiDoc, recorded } from '../_lib/asymmetric.js';
import { givenKey } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'asymmetric.data-key-pair-response-members',
  title: 'GenerateDataKeyPair answers PrivateKeyCiphertextBlob, PrivateKeyPlaintext, PublicKey, KeyId (ARN) and KeyPairSpec',
  doc: apiDoc('GenerateDataKeyPair', 'API_GenerateDataKeyPair_ResponseSyntax'),
  source: recorded('spec/aws-observed.md §4.2 (GenerateDataKeyPair members, LS-SNAP)'),
  tags: ['asymmetric'],
  ops: ['CreateKey', 'GenerateDataKeyPair'],
  async run(t) {
    const key = await givenKey(t);
    const out = await t.kms.send(new GenerateDataKeyPairCommand({ KeyId: key.KeyId, KeyPairSpec: 'ECC_NIST_P256' }));
    const got = members(out);
    for (const m of ['KeyId', 'KeyPairSpec', 'PrivateKeyCiphertextBlob', 'PrivateKeyPlaintext', 'PublicKey']) t.check(got.includes(m), `${m} present`, got);
    t.expectEqual([out.KeyId, out.KeyPairSpec], [key.Arn, 'ECC_NIST_P256'], 'KeyId (ARN) and KeyPairSpec');
  },
});
