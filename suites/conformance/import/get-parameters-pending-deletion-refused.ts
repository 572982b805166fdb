import { getParametersRefused, KEY_STATE_DOC } from './_support.js';
import { recorded } from '../_lib/sources.js';

/** KS-OLD [8]: a key with imported material that is pending deletion takes no import parameters. */
export default getParametersRefused({
  behaviour: 'get-parameters-pending-deletion-refused',
  title: 'GetParametersForImport on an EXTERNAL key pending deletion: KMSInvalidStateException "<arn> is pending deletion."',
  doc: KEY_STATE_DOC,
  source: recorded('spec/aws-observed.md §2.1 [3]/[8] and §2.2 (KS-OLD table)'),
  tags: ['key-state'],
  key: 'PendingDeletion',
  error: (arn) => ({ code: 'KMSInvalidStateException', message: `${arn} is pending deletion.` }),
});
