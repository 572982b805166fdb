import { DecryptCommand, EncryptCommand } from '@aws-sdk/client-kms';
import { ON_DEMAND_DOC } from './_support.js';
import { givenCiphertext } from '../_lib/prerequisites.js';
import { onDemandCase } from './_on-demand.js';
import { documented } from '../_lib/sources.js';

/**
 * Rotation must change the material new ciphertext is made under, not just be recorded: Decrypt
 * reports the KeyMaterialId a blob was made under (aws-observed.md 4.2, 2025), and it differs for
 * ciphertext made before and after the rotation.
 */
export default onDemandCase<Uint8Array | undefined>({
  behaviour: 'new-material-used',
  title: 'After RotateKeyOnDemand new ciphertext is made under new key material (Decrypt KeyMaterialId differs)',
  doc: `${ON_DEMAND_DOC}`,
  source: documented('service model: DecryptResponse.KeyMaterialId ("the key material used to decrypt") (KeyMaterialId, CurrentKeyMaterialId: aws-sdk-go-v2 service/kms CHANGELOG v1.39.0, 2025-06-05)', { since: '2025-06-05' }),
  ops: ['CreateKey', 'Encrypt', 'RotateKeyOnDemand', 'GetKeyRotationStatus', 'Decrypt'],
  before: (t, key) => givenCiphertext(t, key.KeyId, { plaintext: t.bytes(8) }),
  async after(t, key, before) {
    const after = (await t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(8) }))).CiphertextBlob;
    const oldId = (await t.kms.send(new DecryptCommand({ CiphertextBlob: before }))).KeyMaterialId;
    const newId = (await t.kms.send(new DecryptCommand({ CiphertextBlob: after }))).KeyMaterialId;
    t.check(typeof oldId === 'string' && typeof newId === 'string', 'Decrypt reports KeyMaterialId', { oldId, newId });
    t.check(oldId !== newId, 'ciphertext made after the rotation names other key material', { oldId, newId });
  },
});
