import { defineCase } from '../../../harness/conformance/case.js';
import { DAY_MS, EXPIRATION_DOC, KEY_STATE_DOC, MODEL, decryptText, describe, documented, encrypt, endpointNow, externalKey, importMaterial, material } from './_support.js';

/** Before ValidTo nothing happens. */
export default defineCase({
  id: 'import.expiry-not-before-valid-to',
  title: 'One day before its ValidTo the material is still there: the key is Enabled and encrypts',
  doc: EXPIRATION_DOC,
  source: documented(`${MODEL('ImportKeyMaterialRequest.ValidTo')} ("When the key material expires, KMS deletes the key material from the KMS key. Without its key material, the KMS key is unusable"); ${KEY_STATE_DOC} ("When any key material for an imported key is deleted or it expires, then the state changes from Enabled to PendingImport")`),
  tags: ['import', 'key-state'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial', 'DescribeKey', 'Encrypt', 'Decrypt'],
  flags: ['needs-clock'],
  async run(t) {
    const key = await externalKey(t);
    const m = material();
    await importMaterial(t, key.KeyId, m, { extra: { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: new Date((await endpointNow(t)) + 2 * DAY_MS) } });
    await t.advanceClock('1d');
    t.expectEqual((await describe(t, key.KeyId)).KeyState, 'Enabled', 'KeyState before ValidTo');
    t.expectEqual(await decryptText(t, await encrypt(t, key.KeyId, 'still here')), 'still here', 'round trip');
  },
});
