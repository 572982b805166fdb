import { GenerateDataKeyPairCommand } from '@aws-sdk/client-kms';
import { inferred, refusalCase, requestDoc } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'asymmetric.data-key-pair-recipient-unverifiable-refused',
  title: 'GenerateDataKeyPair with a Recipient whose attestation document is not signed by AWS Nitro is refused (no private key returned)',
  doc: requestDoc('GenerateDataKeyPair', 'Recipient'),
  source: inferred('https://docs.aws.amazon.com/kms/latest/developerguide/attested-calls.html (the attestation document must be signed by AWS Nitro); code and message not recorded'),
  tags: ['asymmetric'],
  ops: ['GenerateDataKeyPair'],
  spec: 'SYMMETRIC_DEFAULT',
  usage: 'ENCRYPT_DECRYPT',
  call: (t, key) => t.kms.send(new GenerateDataKeyPairCommand({ KeyId: key.KeyId, KeyPairSpec: 'ECC_NIST_P256', Recipient: { KeyEncryptionAlgorithm: 'RSAES_OAEP_SHA_256', AttestationDocument: t.bytes(512) } })),
  expected: () => ({ code: 'ValidationException', status: 400 }),
});
