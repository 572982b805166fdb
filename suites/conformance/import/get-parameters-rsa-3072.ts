import { GetParametersForImportCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { GET_PARAMETERS_DOC, MODEL, documented, externalKey } from './_support.js';

import { createPublicKey } from 'node:crypto';

/** WrappingKeySpec RSA_3072 gives a 3072-bit wrapping key. */
export default defineCase({
  id: 'import.get-parameters-rsa-3072',
  title: 'GetParametersForImport with WrappingKeySpec RSA_3072 answers a 3072-bit RSA public key',
  doc: GET_PARAMETERS_DOC,
  source: documented(`${GET_PARAMETERS_DOC}; ${MODEL('GetParametersForImportRequest.WrappingKeySpec')}`),
  tags: ['import'],
  ops: ['CreateKey', 'GetParametersForImport'],
  async run(t) {
    const key = await externalKey(t);
    const out = await t.kms.send(new GetParametersForImportCommand({ KeyId: key.KeyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_1', WrappingKeySpec: 'RSA_3072' }));
    const pub = createPublicKey({ key: Buffer.from(out.PublicKey!), format: 'der', type: 'spki' });
    t.expectEqual(pub.asymmetricKeyDetails?.modulusLength, 3072, 'modulus length of the wrapping key');
  },
});
