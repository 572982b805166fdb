import { defineCase } from '../../../harness/conformance/case.js';
import { DAY_MS, EXPIRATION_DOC, MODEL, documented, endpointNow, externalKey, importMaterial, material } from './_support.js';
import { refused } from '../_lib/support.js';

/** "When value is KEY_MATERIAL_DOES_NOT_EXPIRE, you must omit the ValidTo parameter." */
export default defineCase({
  id: 'import.valid-to-with-does-not-expire-refused',
  title: 'ValidTo with ExpirationModel KEY_MATERIAL_DOES_NOT_EXPIRE: ValidationException',
  doc: EXPIRATION_DOC,
  source: documented(`${MODEL('ImportKeyMaterialRequest.ExpirationModel')} ("When value is KEY_MATERIAL_DOES_NOT_EXPIRE, you must omit the ValidTo parameter")`),
  tags: ['import'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial'],
  async run(t) {
    const key = await externalKey(t);
    const now = await endpointNow(t);
    await t.expectError(importMaterial(t, key.KeyId, material(), { extra: { ValidTo: new Date(now + 10 * DAY_MS) } }), { code: 'ValidationException', status: 400 });
  },
});
