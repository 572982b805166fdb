import { EnableKeyRotationCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { ENABLE_DOC, keyOfSpec } from './_support.js';
import { documented } from '../_lib/sources.js';

/** HMAC keys cannot rotate automatically (kms-facts.md; MODEL). Message not recorded: code only. Skipped where HMAC keys are not created. */
export default defineCase({
  id: 'rotation.hmac-enable-refused',
  title: 'EnableKeyRotation on an HMAC key is refused with UnsupportedOperationException',
  doc: `${ENABLE_DOC}#API_EnableKeyRotation_Errors`,
  source: documented('service model: EnableKeyRotation doc ("You cannot enable automatic rotation of ... HMAC KMS keys") and errors (UnsupportedOperationException); message not recorded'),
  tags: ['rotation'],
  ops: ['CreateKey', 'EnableKeyRotation'],
  async run(t) {
    const key = await keyOfSpec(t, { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
    await t.expectError(t.kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyId })), { code: 'UnsupportedOperationException', status: 400 });
  },
});
