import { defineCase } from '../../../harness/conformance/case.js';
import { EXPIRATION_DOC, MODEL, documented, externalKey, importMaterial, material } from './_support.js';

/** ExpirationModel defaults to KEY_MATERIAL_EXPIRES, which needs ValidTo. */
export default defineCase({
  id: 'import.valid-to-required-by-default',
  title: 'ImportKeyMaterial without ExpirationModel or ValidTo: ValidationException (the default expires)',
  doc: EXPIRATION_DOC,
  source: documented(`${MODEL('ImportKeyMaterialRequest.ExpirationModel')} ("The default is KEY_MATERIAL_EXPIRES ... you must specify a value for the ValidTo parameter")`),
  tags: ['import'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial'],
  async run(t) {
    const key = await externalKey(t);
    await t.expectError(importMaterial(t, key.KeyId, material(), { extra: { ExpirationModel: undefined } }), { code: 'ValidationException', status: 400 });
  },
});
