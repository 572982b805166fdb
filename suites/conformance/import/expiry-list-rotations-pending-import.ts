import { defineCase } from '../../../harness/conformance/case.js';
import { DAY_MS, EXPIRATION_DOC, KEY_STATE_DOC, MODEL, documented, endpointNow, externalKey, importMaterial, material, rotations } from './_support.js';

/** ListKeyRotations shows the expired material as PENDING_IMPORT. */
export default defineCase({
  id: 'import.expiry-list-rotations-pending-import',
  title: 'Past ValidTo, ListKeyRotations (ALL_KEY_MATERIAL) shows the material with ImportState PENDING_IMPORT',
  doc: EXPIRATION_DOC,
  source: documented(`${MODEL('ImportKeyMaterialRequest.ValidTo')} ("When the key material expires, KMS deletes the key material from the KMS key. Without its key material, the KMS key is unusable"); ${KEY_STATE_DOC} ("When any key material for an imported key is deleted or it expires, then the state changes from Enabled to PendingImport")`),
  tags: ['import', 'key-state'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial', 'ListKeyRotations'],
  flags: ['needs-clock'],
  async run(t) {
    const key = await externalKey(t);
    const m = material();
    await importMaterial(t, key.KeyId, m, { extra: { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: new Date((await endpointNow(t)) + 2 * DAY_MS) } });
    await t.advanceClock('3d');
    const list = await rotations(t, key.KeyId);
    t.expectEqual(list.map((r) => r.ImportState), ['PENDING_IMPORT'], 'ImportState of the material after ValidTo');
  },
});
