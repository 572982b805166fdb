import { defineCase } from '../../../harness/conformance/case.js';
import { expectRawOk, members } from '../_lib/support.js';

export default defineCase({
  id: 'crypto.generate-data-key-without-plaintext-response-members',
  title: 'GenerateDataKeyWithoutPlaintext answers CiphertextBlob and KeyId (ARN), never a Plaintext',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKeyWithoutPlaintext.html#API_GenerateDataKeyWithoutPlaintext_ResponseSyntax',
  tags: ['semantics'],
  ops: ['CreateKey', 'GenerateDataKeyWithoutPlaintext'],
  async run(t) {
    // aws-observed.md §4.2 (LS-SNAP test_generate_data_key_without_plaintext); KeyMaterialId allowed (MODEL).
    const key = await t.createKey();
    const out = expectRawOk(t, await t.raw('GenerateDataKeyWithoutPlaintext', { KeyId: key.KeyId, KeySpec: 'AES_256' }), 'GenerateDataKeyWithoutPlaintext');
    t.expectEqual(members(out).filter((m) => m !== 'KeyMaterialId'), ['CiphertextBlob', 'KeyId'], 'response members');
    t.expectEqual(out.KeyId, key.Arn, 'KeyId');
  },
});
