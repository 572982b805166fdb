import { DeleteImportedKeyMaterialCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { DELETE_IMPORTED_DOC, VERIFIED, material } from './_support.js';
import { refused } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';

/** KS-OLD [9]: a key that cannot have imported material. */
export default defineCase({
  id: 'import.delete-aws-kms-key-refused',
  title: 'DeleteImportedKeyMaterial on an AWS_KMS key: UnsupportedOperationException',
  doc: DELETE_IMPORTED_DOC,
  source: { kind: 'recorded', cite: 'spec/aws-observed.md §2.1 [9] (KS-OLD: "If the CMK cannot or does not have imported key material: UnsupportedOperationException")', verifiedAt: VERIFIED },
  tags: ['import', 'key-state'],
  ops: ['CreateKey', 'DeleteImportedKeyMaterial'],
  async run(t) {
    const key = await givenKey(t);
    await t.expectError(t.kms.send(new DeleteImportedKeyMaterialCommand({ KeyId: key.KeyId })), { code: 'UnsupportedOperationException', status: 400 });
  },
});
