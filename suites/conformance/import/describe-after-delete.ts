import { DeleteImportedKeyMaterialCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { DELETE_IMPORTED_DOC, describe, importedKey, material } from './_support.js';

/** L8: after DeleteImportedKeyMaterial. */
export default defineCase({
  id: 'import.describe-after-delete',
  title: 'After DeleteImportedKeyMaterial: back to PendingImport, Enabled false, ExpirationModel gone',
  doc: DELETE_IMPORTED_DOC,
  source: { kind: 'recorded', cite: 'spec/aws-observed.md §3 L8 (LS-SNAP test_import_key_symmetric)', verifiedAt: '2024-01-24' },
  tags: ['import', 'key-state'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial', 'DeleteImportedKeyMaterial', 'DescribeKey'],
  async run(t) {
    const { key } = await importedKey(t);
    await t.kms.send(new DeleteImportedKeyMaterialCommand({ KeyId: key.KeyId }));
    const md = await describe(t, key.KeyId);
    t.expectEqual([md.KeyState, md.Enabled], ['PendingImport', false], 'KeyState, Enabled');
    t.check(md.ExpirationModel === undefined, 'no ExpirationModel after the material is deleted', md);
  },
});
