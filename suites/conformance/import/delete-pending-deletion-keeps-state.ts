import { DeleteImportedKeyMaterialCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { DELETE_IMPORTED_DOC, describe, documented, importedKey } from './_support.js';
import { putInState } from '../key-state/_support.js';

/** "When the specified KMS key is in the PendingDeletion state, this operation does not change the KMS key's state." */
export default defineCase({
  id: 'import.delete-pending-deletion-keeps-state',
  title: 'DeleteImportedKeyMaterial on a key pending deletion succeeds and leaves it PendingDeletion',
  doc: DELETE_IMPORTED_DOC,
  source: documented(`${DELETE_IMPORTED_DOC} ("When the specified KMS key is in the PendingDeletion state, this operation does not change the KMS key's state")`),
  tags: ['import', 'key-state', 'deletion'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial', 'ScheduleKeyDeletion', 'DeleteImportedKeyMaterial', 'DescribeKey'],
  async run(t) {
    const { key } = await importedKey(t);
    await putInState(t, key, 'PendingDeletion');
    await t.kms.send(new DeleteImportedKeyMaterialCommand({ KeyId: key.KeyId }));
    t.expectEqual((await describe(t, key.KeyId)).KeyState, 'PendingDeletion', 'KeyState');
  },
});
