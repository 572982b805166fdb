import { defineCase } from '../../../harness/conformance/case.js';
import { DAY_MS, EXPIRATION_DOC, KEY_STATE_DOC, MODEL, decryptText, describe, documented, encrypt, endpointNow, externalKey, importMaterial, material } from './_support.js';

/** "To use the KMS key in cryptographic operations again, you must reimport the same key material." */
export default defineCase({
  id: 'import.expiry-reimport-restores',
  title: 'After expiry the key is PendingImport; re-importing the same material makes earlier ciphertext decrypt again',
  doc: EXPIRATION_DOC,
  source: documented(`${MODEL('ImportKeyMaterialRequest.ValidTo')} ("When the key material expires, KMS deletes the key material from the KMS key. Without its key material, the KMS key is unusable"); ${KEY_STATE_DOC} ("When any key material for an imported key is deleted or it expires, then the state changes from Enabled to PendingImport")`),
  tags: ['import', 'key-state'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial', 'Encrypt', 'DescribeKey', 'Decrypt'],
  flags: ['needs-clock'],
  async run(t) {
    const key = await externalKey(t);
    const m = material();
    await importMaterial(t, key.KeyId, m, { extra: { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: new Date((await endpointNow(t)) + 2 * DAY_MS) } });
    const blob = await encrypt(t, key.KeyId, 'expires in two days');
    await t.advanceClock('3d');
    t.expectEqual((await describe(t, key.KeyId)).KeyState, 'PendingImport', 'KeyState after ValidTo');
    await importMaterial(t, key.KeyId, m);
    t.expectEqual(await decryptText(t, blob), 'expires in two days', 'plaintext after the re-import');
  },
});
