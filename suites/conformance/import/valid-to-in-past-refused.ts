import { defineCase } from '../../../harness/conformance/case.js';
import { DAY_MS, EXPIRATION_DOC, MODEL, documented, endpointNow, externalKey, importMaterial, material } from './_support.js';
import { refused } from '../_lib/support.js';

/** "The value of this parameter must be a future date and time." */
export default defineCase({
  id: 'import.valid-to-in-past-refused',
  title: 'ValidTo in the past: ValidationException',
  doc: EXPIRATION_DOC,
  source: documented(`${MODEL('ImportKeyMaterialRequest.ValidTo')} ("must be a future date and time")`),
  tags: ['import'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial'],
  async run(t) {
    const key = await externalKey(t);
    const now = await endpointNow(t);
    await t.expectError(importMaterial(t, key.KeyId, material(), { extra: { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: new Date(now - DAY_MS) } }), { code: 'ValidationException', status: 400 });
  },
});
