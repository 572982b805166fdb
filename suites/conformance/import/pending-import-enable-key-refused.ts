import { EnableKeyCommand } from '@aws-sdk/client-kms';
import { KEY_STATE_DOC, refusedCase } from './_support.js';
import { recorded } from '../_lib/sources.js';

/** KS-OLD [5]: EnableKey on a key pending import. */
export default refusedCase({
  behaviour: 'pending-import-enable-key-refused',
  title: 'EnableKey on a key pending import: KMSInvalidStateException "<arn> is pending import."',
  doc: KEY_STATE_DOC,
  source: recorded('spec/aws-observed.md §2.1 [5] and §2.2 (KS-OLD: EnableKey on PendingImport)'),
  tags: ['key-state'],
  key: 'EXTERNAL',
  op: 'EnableKey',
  call: (t, KeyId) => t.kms.send(new EnableKeyCommand({ KeyId })),
  error: (arn) => ({ code: 'KMSInvalidStateException', message: `${arn} is pending import.` }),
});
