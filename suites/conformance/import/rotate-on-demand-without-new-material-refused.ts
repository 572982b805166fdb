import { RotateKeyOnDemandCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { MODEL, ROTATE_IMPORTED_DOC, SINCE_MULTI_MATERIAL, importedKey, inferred, material } from './_support.js';
import { refused } from '../_lib/support.js';

/** Without material PENDING_ROTATION there is nothing to rotate to. */
export default defineCase({
  id: 'import.rotate-on-demand-without-new-material-refused',
  title: 'RotateKeyOnDemand of a key with imported material and nothing PENDING_ROTATION is refused',
  doc: ROTATE_IMPORTED_DOC,
  source: inferred(`${MODEL('RotateKeyOnDemand')} ("you must have already imported new key material"); the code (KMSInvalidStateException here) is not recorded`, SINCE_MULTI_MATERIAL),
  tags: ['import', 'rotation'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial', 'RotateKeyOnDemand'],
  async run(t) {
    const { key } = await importedKey(t);
    const r = await refused(t, t.kms.send(new RotateKeyOnDemandCommand({ KeyId: key.KeyId })), 'RotateKeyOnDemand');
    t.check(['KMSInvalidStateException', 'UnsupportedOperationException'].includes(r.code), 'refused as a state or unsupported operation', r);
  },
});
