import { defineCase } from '../../../harness/conformance/case.js';
import { IMPORT_DOC, describe, externalKey } from './_support.js';

/** L6: an EXTERNAL key before its import. */
export default defineCase({
  id: 'import.describe-before-import',
  title: 'An EXTERNAL key before import: KeyState PendingImport, Enabled false, Origin EXTERNAL, no ExpirationModel',
  doc: IMPORT_DOC,
  source: { kind: 'recorded', cite: 'spec/aws-observed.md §3 L6 (LS-SNAP test_import_key_symmetric)', verifiedAt: '2024-01-24' },
  tags: ['import', 'key-state'],
  ops: ['CreateKey', 'DescribeKey'],
  async run(t) {
    const key = await externalKey(t);
    const md = await describe(t, key.KeyId);
    t.expectEqual([md.KeyState, md.Enabled, md.Origin], ['PendingImport', false, 'EXTERNAL'], 'KeyState, Enabled, Origin');
    t.check(md.ExpirationModel === undefined, 'no ExpirationModel before the import', md);
  },
});
