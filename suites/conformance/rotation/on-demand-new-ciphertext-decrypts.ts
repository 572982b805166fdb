import { EncryptCommand } from '@aws-sdk/client-kms';
import { expectDecrypts, HOW_IT_WORKS_DOC } from './_support.js';
import { onDemandCase } from './_on-demand.js';
import { documented } from '../_lib/sources.js';

export default onDemandCase({
  behaviour: 'new-ciphertext-decrypts',
  title: 'Ciphertext made after RotateKeyOnDemand decrypts',
  doc: HOW_IT_WORKS_DOC,
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html (new ciphertext is made under the current key material) (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)', { since: '2024-04-12' }),
  ops: ['CreateKey', 'RotateKeyOnDemand', 'GetKeyRotationStatus', 'Encrypt', 'Decrypt'],
  async after(t, key) {
    const plaintext = t.bytes(64, 12);
    const { CiphertextBlob } = await t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: plaintext }));
    await expectDecrypts(t, CiphertextBlob, plaintext, 'post-rotation');
  },
});
