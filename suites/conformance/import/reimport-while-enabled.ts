import { defineCase } from '../../../harness/conformance/case.js';
import { DAY_MS, EXPIRATION_DOC, IMPORT_API_DOC, describe, documented, endpointNow, importMaterial, importedKey, material } from './_support.js';

/** "you can reimport the same key material" — also while the key is Enabled, e.g. to change its expiration. */
export default defineCase({
  id: 'import.reimport-while-enabled',
  title: 'The same material re-imported into an Enabled key succeeds and can set a new expiration',
  doc: EXPIRATION_DOC,
  source: documented(`${IMPORT_API_DOC} ("You might also reimport key material to change the expiration model or expiration date")`),
  tags: ['import'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial', 'DescribeKey'],
  async run(t) {
    const { key, material: m } = await importedKey(t);
    const now = await endpointNow(t);
    await importMaterial(t, key.KeyId, m, { extra: { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: new Date(now + 30 * DAY_MS) } });
    const md = await describe(t, key.KeyId);
    t.expectEqual([md.KeyState, md.ExpirationModel], ['Enabled', 'KEY_MATERIAL_EXPIRES'], 'KeyState and ExpirationModel after the re-import');
  },
});
