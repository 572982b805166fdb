import { GetParametersForImportCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { KEY_STATE_DOC, VERIFIED, externalKey, material } from './_support.js';
import { refused } from '../_lib/support.js';
import { putInState } from '../key-state/_support.js';

/** KS-OLD [8]: a key with imported material that is pending deletion takes no import parameters. */
export default defineCase({
  id: 'import.get-parameters-pending-deletion-refused',
  title: 'GetParametersForImport on an EXTERNAL key pending deletion: KMSInvalidStateException "<arn> is pending deletion."',
  doc: KEY_STATE_DOC,
  source: { kind: 'recorded', cite: 'spec/aws-observed.md §2.1 [3]/[8] and §2.2 (KS-OLD table)', verifiedAt: VERIFIED },
  tags: ['import', 'key-state'],
  ops: ['CreateKey', 'ScheduleKeyDeletion', 'GetParametersForImport'],
  async run(t) {
    const key = await externalKey(t);
    await putInState(t, key, 'PendingDeletion');
    await t.expectError(t.kms.send(new GetParametersForImportCommand({ KeyId: key.KeyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' })), {
      code: 'KMSInvalidStateException',
      message: `${key.Arn} is pending deletion.`,
    });
  },
});
