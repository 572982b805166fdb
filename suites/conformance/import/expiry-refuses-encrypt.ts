import { EncryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { DAY_MS, EXPIRATION_DOC, KEY_STATE_DOC, MODEL, documented, encrypt, endpointNow, externalKey, importMaterial, material } from './_support.js';

/** Past ValidTo the key cannot encrypt. */
export default defineCase({
  id: 'import.expiry-refuses-encrypt',
  title: 'Encrypt past the material\'s ValidTo: KMSInvalidStateException "<arn> is pending import."',
  doc: EXPIRATION_DOC,
  source: documented(`${MODEL('ImportKeyMaterialRequest.ValidTo')} ("When the key material expires, KMS deletes the key material from the KMS key. Without its key material, the KMS key is unusable"); ${KEY_STATE_DOC} ("When any key material for an imported key is deleted or it expires, then the state changes from Enabled to PendingImport")`),
  tags: ['import', 'key-state'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial', 'Encrypt'],
  flags: ['needs-clock'],
  async run(t) {
    const key = await externalKey(t);
    const m = material();
    await importMaterial(t, key.KeyId, m, { extra: { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: new Date((await endpointNow(t)) + 2 * DAY_MS) } });
    await t.advanceClock('3d');
    await t.expectError(t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(8) })), { code: 'KMSInvalidStateException', message: `${key.Arn} is pending import.` });
  },
});
