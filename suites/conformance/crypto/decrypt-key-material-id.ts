import { DecryptCommand, DescribeKeyCommand } from '@aws-sdk/client-kms';
import { givenCiphertext } from '../_lib/prerequisites.js';
import { keyCase } from './_support.js';
import { documented } from '../_lib/sources.js';

export default keyCase(
  {
    behaviour: 'decrypt-key-material-id',
    title: "Decrypt's KeyMaterialId names the key material that encrypted: the key's CurrentKeyMaterialId",
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-response-KeyMaterialId',
    source: documented('service model: DecryptResponse.KeyMaterialId, KeyMetadata.CurrentKeyMaterialId (KeyMaterialId, CurrentKeyMaterialId: aws-sdk-go-v2 service/kms CHANGELOG v1.39.0, 2025-06-05)', { since: '2025-06-05' }),
    ops: ['Encrypt', 'Decrypt', 'DescribeKey'],
  },
  async (t, key) => {
    const blob = await givenCiphertext(t, key.KeyId, { plaintext: t.bytes(8) });
    const out = await t.kms.send(new DecryptCommand({ CiphertextBlob: blob }));
    const current = (await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata?.CurrentKeyMaterialId;
    t.check(typeof out.KeyMaterialId === 'string' && out.KeyMaterialId.length > 0, 'Decrypt has a KeyMaterialId', out.KeyMaterialId);
    t.expectEqual(out.KeyMaterialId, current, 'Decrypt KeyMaterialId vs DescribeKey CurrentKeyMaterialId');
  },
);
