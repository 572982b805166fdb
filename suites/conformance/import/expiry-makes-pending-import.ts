import { defineCase } from '../../../harness/conformance/case.js';
import { DAY_MS, EXPIRATION_DOC, KEY_STATE_DOC, MODEL, describe, documented, endpointNow, externalKey, importMaterial, material } from './_support.js';

/** Past ValidTo the material is deleted and the key is PendingImport. */
export default defineCase({
  id: 'import.expiry-makes-pending-import',
  title: 'Past its ValidTo (server clock) the material is deleted: DescribeKey shows PendingImport and no ExpirationModel',
  doc: EXPIRATION_DOC,
  source: documented(`${MODEL('ImportKeyMaterialRequest.ValidTo')} ("When the key material expires, KMS deletes the key material from the KMS key. Without its key material, the KMS key is unusable"); ${KEY_STATE_DOC} ("When any key material for an imported key is deleted or it expires, then the state changes from Enabled to PendingImport")`),
  tags: ['import', 'key-state'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial', 'DescribeKey'],
  flags: ['needs-clock'],
  async run(t) {
    const key = await externalKey(t);
    const m = material();
    await importMaterial(t, key.KeyId, m, { extra: { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: new Date((await endpointNow(t)) + 2 * DAY_MS) } });
    await t.advanceClock('3d');
    const md = await describe(t, key.KeyId);
    t.expectEqual([md.KeyState, md.Enabled], ['PendingImport', false], 'KeyState, Enabled after ValidTo');
    t.check(md.ExpirationModel === undefined, 'no ExpirationModel once the material is gone', md);
  },
});
