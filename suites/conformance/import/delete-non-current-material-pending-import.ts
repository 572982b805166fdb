import { DeleteImportedKeyMaterialCommand } from '@aws-sdk/client-kms';
import { describe, documented, givenNewMaterial, givenRotation, importMaterial, KEY_STATE_DOC, materialsCase, MODEL, SINCE_MULTI_MATERIAL } from './_support.js';

/** "you will need to import all of the key materials associated with the KMS key to change its state to Enabled". */
export default materialsCase({
  behaviour: 'delete-non-current-material-pending-import',
  title: 'Deleting a NON_CURRENT imported material (by KeyMaterialId) makes the key PendingImport until it is re-imported',
  source: documented(`${MODEL('ImportKeyMaterial')} ("you will need to import all of the key materials associated with the KMS key to change its state to Enabled"); ${KEY_STATE_DOC}`, { since: SINCE_MULTI_MATERIAL }),
  ops: ['RotateKeyOnDemand', 'DeleteImportedKeyMaterial', 'DescribeKey'],
  async body(t, { key, material: m, materialId }) {
    const next = await givenNewMaterial(t, key.KeyId);
    await givenRotation(t, key.KeyId, next.KeyMaterialId);
    await t.kms.send(new DeleteImportedKeyMaterialCommand({ KeyId: key.KeyId, KeyMaterialId: materialId }));
    t.expectEqual((await describe(t, key.KeyId)).KeyState, 'PendingImport', 'KeyState with a material missing');
    await importMaterial(t, key.KeyId, m, { extra: { KeyMaterialId: materialId } });
    t.expectEqual((await describe(t, key.KeyId)).KeyState, 'Enabled', 'KeyState once every material is back');
  },
});
