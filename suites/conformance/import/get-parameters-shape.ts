import { GetParametersForImportCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { GET_PARAMETERS_DOC, MODEL, documented, endpointNow, externalKey } from './_support.js';
import { members } from '../_lib/support.js';

import { createPublicKey } from 'node:crypto';

/** GetParametersForImport answers the key ARN, an import token, an RSA public key and a validity of 24 hours. */
export default defineCase({
  id: 'import.get-parameters-shape',
  title: 'GetParametersForImport answers KeyId (ARN), ImportToken, PublicKey (RSA_2048 SPKI) and ParametersValidTo 24 h ahead',
  doc: GET_PARAMETERS_DOC,
  source: documented(`${GET_PARAMETERS_DOC} ("Each public key and import token set is valid for 24 hours"); ${MODEL('GetParametersForImportResponse')}`),
  tags: ['import'],
  ops: ['CreateKey', 'GetParametersForImport'],
  async run(t) {
    const key = await externalKey(t);
    const now = await endpointNow(t);
    const out = await t.kms.send(new GetParametersForImportCommand({ KeyId: key.KeyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' }));
    t.expectEqual(members(out), ['ImportToken', 'KeyId', 'ParametersValidTo', 'PublicKey'], 'members of the reply');
    t.expectEqual(out.KeyId, key.Arn, 'KeyId (the key ARN)');
    t.check((out.ImportToken?.length ?? 0) > 0, 'the import token is not empty');
    const pub = createPublicKey({ key: Buffer.from(out.PublicKey!), format: 'der', type: 'spki' });
    t.expectEqual([pub.asymmetricKeyType, pub.asymmetricKeyDetails?.modulusLength], ['rsa', 2048], 'the wrapping public key');
    const hours = (out.ParametersValidTo!.getTime() - now) / 3_600_000;
    t.check(Math.abs(hours - 24) < 0.5, 'ParametersValidTo is 24 hours ahead', { hours });
  },
});
