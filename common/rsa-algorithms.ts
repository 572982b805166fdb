/**
 * The algorithm lists KMS gives an RSA key (every RSA_* KeySpec alike), in the order DescribeKey
 * and GetPublicKey return them: "Key spec reference",
 * https://docs.aws.amazon.com/kms/latest/developerguide/symm-asymm-choose-key-spec.html, and the
 * AWS-authored CreateKey / DescribeKey examples in spec/kms-2014-11-01.examples-1.json (tested):
 * EncryptionAlgorithms OAEP SHA_1 then SHA_256; SigningAlgorithms PKCS1 then PSS. The reference
 * server's key-spec table and the conformance cases both read them from here.
 *
 * @module
 */
import type { EncryptionAlgorithmSpec, SigningAlgorithmSpec } from './model/schemas.js';

/** EncryptionAlgorithms of an RSA ENCRYPT_DECRYPT key. */
export const RSA_ENCRYPTION_ALGORITHMS: readonly EncryptionAlgorithmSpec[] = ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'];

/** SigningAlgorithms of an RSA SIGN_VERIFY key. */
export const RSA_SIGNING_ALGORITHMS: readonly SigningAlgorithmSpec[] = [
  'RSASSA_PKCS1_V1_5_SHA_256',
  'RSASSA_PKCS1_V1_5_SHA_384',
  'RSASSA_PKCS1_V1_5_SHA_512',
  'RSASSA_PSS_SHA_256',
  'RSASSA_PSS_SHA_384',
  'RSASSA_PSS_SHA_512',
];
