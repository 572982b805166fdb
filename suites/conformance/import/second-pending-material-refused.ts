import { defineCase } from '../../../harness/conformance/case.js';
import { givenNewMaterial, importedKey, importMaterial, inferred, material, ROTATE_IMPORTED_DOC, SINCE_MULTI_MATERIAL } from './_support.js';
import { refused } from '../_lib/support.js';

/** Only one material can wait for rotation. */
export default defineCase({
  id: 'import.second-pending-material-refused',
  title: 'A second NEW_KEY_MATERIAL while one is PENDING_ROTATION: KMSInvalidStateException',
  doc: ROTATE_IMPORTED_DOC,
  source: inferred('localstack provider ImportKeyMaterial (its KMS tests are validated against AWS): "New key material (id: …) cannot be imported into KMS key <arn>, because another key material (id: …) is pending rotation."; not recorded here', SINCE_MULTI_MATERIAL),
  tags: ['import', 'rotation'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial'],
  async run(t) {
    const { key } = await importedKey(t);
    await givenNewMaterial(t, key.KeyId);
    await t.expectError(importMaterial(t, key.KeyId, material(), { extra: { ImportType: 'NEW_KEY_MATERIAL' } }), { code: 'KMSInvalidStateException', status: 400 });
  },
});
