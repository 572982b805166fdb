import { defineCase } from '../../../harness/conformance/case.js';
import { IMPORT_API_DOC, describe, importedKey, material } from './_support.js';

/** L7: after ImportKeyMaterial with KEY_MATERIAL_DOES_NOT_EXPIRE. */
export default defineCase({
  id: 'import.describe-after-import',
  title: 'After ImportKeyMaterial (KEY_MATERIAL_DOES_NOT_EXPIRE): Enabled, ExpirationModel KEY_MATERIAL_DOES_NOT_EXPIRE, no ValidTo',
  doc: IMPORT_API_DOC,
  source: { kind: 'recorded', cite: 'spec/aws-observed.md §3 L7 (LS-SNAP test_import_key_symmetric)', verifiedAt: '2024-01-24' },
  tags: ['import', 'key-state'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial', 'DescribeKey'],
  async run(t) {
    const { key } = await importedKey(t);
    const md = await describe(t, key.KeyId);
    t.expectEqual([md.KeyState, md.Enabled, md.ExpirationModel], ['Enabled', true, 'KEY_MATERIAL_DOES_NOT_EXPIRE'], 'KeyState, Enabled, ExpirationModel');
    t.check(md.ValidTo === undefined, 'no ValidTo for material that does not expire', md);
  },
});
