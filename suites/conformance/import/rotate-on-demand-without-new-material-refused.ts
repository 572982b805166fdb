import { RotateKeyOnDemandCommand } from '@aws-sdk/client-kms';
import { inferred, materialsCase, MODEL, SINCE_MULTI_MATERIAL } from './_support.js';
import { refused } from '../_lib/support.js';

/** Without material PENDING_ROTATION there is nothing to rotate to. */
export default materialsCase({
  behaviour: 'rotate-on-demand-without-new-material-refused',
  title: 'RotateKeyOnDemand of a key with imported material and nothing PENDING_ROTATION is refused',
  source: inferred(`${MODEL('RotateKeyOnDemand')} ("you must have already imported new key material"); the code (KMSInvalidStateException here) is not recorded`, { since: SINCE_MULTI_MATERIAL }),
  ops: ['RotateKeyOnDemand'],
  async body(t, { key }) {
    const r = await refused(t, t.kms.send(new RotateKeyOnDemandCommand({ KeyId: key.KeyId })), 'RotateKeyOnDemand');
    t.check(['KMSInvalidStateException', 'UnsupportedOperationException'].includes(r.code), 'refused as a state or unsupported operation', r);
  },
});
