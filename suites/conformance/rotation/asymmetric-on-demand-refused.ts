import { RotateKeyOnDemandCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { keyOfSpec, ON_DEMAND_DOC } from './_support.js';

/** aws-observed.md R1: 400 UnsupportedOperationException with no message. Skipped where RSA keys are not created. */
export default defineCase({
  id: 'rotation.asymmetric-on-demand-refused',
  title: 'RotateKeyOnDemand on an RSA key is refused with a bare UnsupportedOperationException',
  doc: `${ON_DEMAND_DOC}#API_RotateKeyOnDemand_Errors`,
  tags: ['rotation'],
  ops: ['CreateKey', 'RotateKeyOnDemand'],
  async run(t) {
    const key = await keyOfSpec(t, { KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' });
    await t.expectError(t.kms.send(new RotateKeyOnDemandCommand({ KeyId: key.KeyId })), {
      code: 'UnsupportedOperationException',
      status: 400,
      message: null,
    });
  },
});
