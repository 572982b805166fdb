import { expectRawOk, members } from '../_lib/support.js';
import { awsHas, membersAsOf } from '../_lib/aws-profile.js';
import { keyCase } from './_support.js';
import { documented } from '../_lib/sources.js';

export default keyCase(
  {
    behaviour: 'generate-data-key-without-plaintext-response-members',
    title: 'GenerateDataKeyWithoutPlaintext answers exactly {CiphertextBlob, KeyId (ARN), KeyMaterialId}, never a Plaintext',
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKeyWithoutPlaintext.html#API_GenerateDataKeyWithoutPlaintext_ResponseSyntax',
    source: documented('service model: GenerateDataKeyWithoutPlaintextResponse; members before 2025: spec/aws-observed.md §4.2 (KeyMaterialId, CurrentKeyMaterialId: aws-sdk-go-v2 service/kms CHANGELOG v1.39.0, 2025-06-05)'),
    ops: ['GenerateDataKeyWithoutPlaintext'],
  },
  async (t, key) => {
    // aws-observed.md §4.2 (LS-SNAP test_generate_data_key_without_plaintext, before KeyMaterialId
    // existed); the current model answers KeyMaterialId too.
    const out = expectRawOk(t, await t.raw('GenerateDataKeyWithoutPlaintext', { KeyId: key.KeyId, KeySpec: 'AES_256' }), 'GenerateDataKeyWithoutPlaintext');
    t.expectEqual(members(out), membersAsOf(t, ['CiphertextBlob', 'KeyId', 'KeyMaterialId']), 'response members');
    if (awsHas(t, 'keyMaterialIds')) t.check(typeof out.KeyMaterialId === 'string' && out.KeyMaterialId.length > 0, 'KeyMaterialId is a non-empty string', out.KeyMaterialId);
    t.expectEqual(out.KeyId, key.Arn, 'KeyId');
  },
);
