import { defineCase } from '../../../harness/conformance/case.js';
import { documented, externalKey, importMaterial, material } from './_support.js';
import { refused } from '../_lib/support.js';

/** "Symmetric encryption key material: 256 bits (32 bytes)". */
export default defineCase({
  id: 'import.symmetric-material-wrong-length-refused',
  title: 'Importing 16 bytes into a SYMMETRIC_DEFAULT key: IncorrectKeyMaterialException',
  doc: 'https://docs.aws.amazon.com/kms/latest/developerguide/importing-keys-conceptual.html',
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/importing-keys-conceptual.html (symmetric encryption key material must be 256 bits); service model: IncorrectKeyMaterialException'),
  tags: ['import'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial'],
  async run(t) {
    const key = await externalKey(t);
    await t.expectError(importMaterial(t, key.KeyId, t.bytes(16)), { code: 'IncorrectKeyMaterialException', status: 400 });
  },
});
