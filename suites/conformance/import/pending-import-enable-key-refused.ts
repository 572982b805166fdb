import { EnableKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { KEY_STATE_DOC, VERIFIED, externalKey } from './_support.js';
import { refused } from '../_lib/support.js';

/** KS-OLD [5]: EnableKey on a key pending import. */
export default defineCase({
  id: 'import.pending-import-enable-key-refused',
  title: 'EnableKey on a key pending import: KMSInvalidStateException "<arn> is pending import."',
  doc: KEY_STATE_DOC,
  source: { kind: 'recorded', cite: 'spec/aws-observed.md §2.1 [5] and §2.2 (KS-OLD: EnableKey on PendingImport)', verifiedAt: VERIFIED },
  tags: ['import', 'key-state'],
  ops: ['CreateKey', 'EnableKey'],
  async run(t) {
    const key = await externalKey(t);
    await t.expectError(t.kms.send(new EnableKeyCommand({ KeyId: key.KeyId })), { code: 'KMSInvalidStateException', message: `${key.Arn} is pending import.` });
  },
});
