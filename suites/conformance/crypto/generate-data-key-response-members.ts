import { expectRawOk, members } from '../_lib/support.js';
import { awsHas, membersAsOf } from '../_lib/aws-profile.js';
import { keyCase } from './_support.js';
import { documented } from '../_lib/sources.js';

export default keyCase(
  {
    behaviour: 'generate-data-key-response-members',
    title: 'GenerateDataKey answers exactly {CiphertextBlob, KeyId, KeyMaterialId, Plaintext} on the wire',
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKey.html#API_GenerateDataKey_ResponseSyntax',
    source: documented('service model: GenerateDataKeyResponse (KeyMaterialId omitted only with Recipient); members before 2025: spec/aws-observed.md §4.2 (KeyMaterialId, CurrentKeyMaterialId: aws-sdk-go-v2 service/kms CHANGELOG v1.39.0, 2025-06-05)'),
    ops: ['GenerateDataKey'],
  },
  async (t, key) => {
    // aws-observed.md §4.2 (LS-SNAP test_generate_data_key, 2023, before KeyMaterialId existed); the
    // current model answers KeyMaterialId, omitted only when the request names a Recipient.
    const out = expectRawOk(t, await t.raw('GenerateDataKey', { KeyId: key.KeyId, KeySpec: 'AES_256' }), 'GenerateDataKey');
    t.expectEqual(members(out), membersAsOf(t, ['CiphertextBlob', 'KeyId', 'KeyMaterialId', 'Plaintext']), 'GenerateDataKey response members');
    if (awsHas(t, 'keyMaterialIds')) t.check(typeof out.KeyMaterialId === 'string' && out.KeyMaterialId.length > 0, 'KeyMaterialId is a non-empty string', out.KeyMaterialId);
    t.expectEqual(out.KeyId, key.Arn, 'GenerateDataKey KeyId');
  },
);
