import { defineCase } from '../../../harness/conformance/case.js';
import { DAY_MS, EXPIRATION_DOC, MODEL, documented, endpointNow, externalKey, importMaterial, material } from './_support.js';
import { refused } from '../_lib/support.js';

/** "The maximum value is 365 days from the request date." */
export default defineCase({
  id: 'import.valid-to-over-365-days-refused',
  title: 'ValidTo 400 days ahead: ValidationException (at most 365 days)',
  doc: EXPIRATION_DOC,
  source: documented(`${MODEL('ImportKeyMaterialRequest.ValidTo')} ("The maximum value is 365 days from the request date")`),
  tags: ['import', 'limits'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial'],
  async run(t) {
    const key = await externalKey(t);
    const now = await endpointNow(t);
    await t.expectError(importMaterial(t, key.KeyId, material(), { extra: { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: new Date(now + 400 * DAY_MS) } }), { code: 'ValidationException', status: 400 });
  },
});
