/** Encrypt with an EncryptionAlgorithm outside the model's enum: ValidationException (enum violations, aws-observed.md §6.1). */
import { b64, expectRawError } from '../_lib/support.js';
import { keyCase } from './_support.js';
import { inferred } from '../_lib/sources.js';

export default keyCase(
  {
    behaviour: 'encrypt-unknown-algorithm',
    title: 'Encrypt with an EncryptionAlgorithm that is not in the EncryptionAlgorithmSpec enum is refused with ValidationException',
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html#KMS-Encrypt-request-EncryptionAlgorithm',
    source: inferred('service model: EncryptionAlgorithmSpec enum (SYMMETRIC_DEFAULT, RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256, SM2PKE); a value outside a KMS enum is ValidationException on AWS (recorded for keySpec, keyUsage, macAlgorithm: spec/aws-observed.md §6.1 V9, V10, V12); for encryptionAlgorithm no capture: code only'),
    ops: ['Encrypt'],
  },
  async (t, key) => {
    const reply = await t.raw('Encrypt', { KeyId: key.KeyId, Plaintext: b64(t.bytes(16)), EncryptionAlgorithm: 'AES_NOT_AN_ALGORITHM' });
    expectRawError(t, reply, { status: 400, code: 'ValidationException' }, 'Encrypt');
  },
);
