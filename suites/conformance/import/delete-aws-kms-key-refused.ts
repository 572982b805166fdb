import { DeleteImportedKeyMaterialCommand } from '@aws-sdk/client-kms';
import { DELETE_IMPORTED_DOC, refusedCase } from './_support.js';
import { recorded } from '../_lib/sources.js';

/** KS-OLD [9]: a key that cannot have imported material. */
export default refusedCase({
  behaviour: 'delete-aws-kms-key-refused',
  title: 'DeleteImportedKeyMaterial on an AWS_KMS key: UnsupportedOperationException',
  doc: DELETE_IMPORTED_DOC,
  source: recorded('spec/aws-observed.md §2.1 [9] (KS-OLD: "If the CMK cannot or does not have imported key material: UnsupportedOperationException")'),
  tags: ['key-state'],
  key: 'AWS_KMS',
  op: 'DeleteImportedKeyMaterial',
  call: (t, KeyId) => t.kms.send(new DeleteImportedKeyMaterialCommand({ KeyId })),
  error: () => ({ code: 'UnsupportedOperationException', status: 400 }),
});
