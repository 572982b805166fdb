import { members } from '../_lib/support.js';
import { GenerateDataKeyPairWithoutPlaintextCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { apiDoc, documented } from '../_lib/asymmetric.js';
import { givenKey } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'asymmetric.data-key-pair-without-plaintext-members',
  title: 'GenerateDataKeyPairWithoutPlaintext answers PrivateKeyCiphertextBlob, PublicKey, KeyId (ARN), KeyPairSpec and no PrivateKeyPlaintext',
  doc: apiDoc('GenerateDataKeyPairWithoutPlaintext', 'API_GenerateDataKeyPairWithoutPlaintext_ResponseSyntax'),
  source: documented('service model: GenerateDataKeyPairWithoutPlaintextResponse; spec/aws-observed.md §4.2'),
  tags: ['asymmetric'],
  ops: ['CreateKey', 'GenerateDataKeyPairWithoutPlaintext'],
  async run(t) {
    const key = await givenKey(t);
    const out = await t.kms.send(new GenerateDataKeyPairWithoutPlaintextCommand({ KeyId: key.KeyId, KeyPairSpec: 'ECC_NIST_P384' }));
    const got = members(out);
    for (const m of ['KeyId', 'KeyPairSpec', 'PrivateKeyCiphertextBlob', 'PublicKey']) t.check(got.includes(m), `${m} present`, got);
    t.check(!got.includes('PrivateKeyPlaintext'), 'no PrivateKeyPlaintext', got);
    t.expectEqual([out.KeyId, out.KeyPairSpec], [key.Arn, 'ECC_NIST_P384'], 'KeyId (ARN) and KeyPairSpec');
  },
});
