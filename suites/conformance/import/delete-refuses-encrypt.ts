import { EncryptCommand } from '@aws-sdk/client-kms';
import { DELETE_IMPORTED_DOC, refusedCase } from './_support.js';
import { recorded } from '../_lib/sources.js';

/** S2: the key cannot be used once its material is deleted. */
export default refusedCase({
  behaviour: 'delete-refuses-encrypt',
  title: 'Encrypt after DeleteImportedKeyMaterial: KMSInvalidStateException "<arn> is pending import."',
  doc: DELETE_IMPORTED_DOC,
  source: recorded('spec/aws-observed.md §2.3 S2 (LS-SNAP test_import_key_symmetric encrypt-after-delete-error)', { verifiedAt: '2024-01-24' }),
  tags: ['key-state'],
  key: 'material-deleted',
  op: 'Encrypt',
  call: (t, KeyId) => t.kms.send(new EncryptCommand({ KeyId, Plaintext: t.bytes(16) })),
  error: (arn) => ({ code: 'KMSInvalidStateException', status: 400, message: `${arn} is pending import.` }),
});
