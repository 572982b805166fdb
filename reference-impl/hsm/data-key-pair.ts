/**
 * GenerateDataKeyPair(WithoutPlaintext): a fresh key pair of a `KeyPairSpec`, private key as
 * DER PKCS#8 PrivateKeyInfo (RFC 5958) and public key as DER X.509 SubjectPublicKeyInfo
 * (RFC 5280) — the formats the GenerateDataKeyPair documentation states. Encrypting the
 * private key under the symmetric KMS key is the caller's job (`symmetric.ts`).
 *
 * "The SM2 key spec is only available in China Regions" (GenerateDataKeyPairRequest
 * `KeyPairSpec` documentation): refused with UnsupportedOperationException — the code the
 * model lists for GenerateDataKeyPair; the message mirrors CreateKey's (INFERRED).
 *
 * @module
 */

import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { KMSInternalException, UnsupportedOperationException } from '../errors.js';
import type { DataKeyPairSpec } from '../../common/model/schemas.js';
import { exportKeyPair, notInRegionMessage, type AsymmetricKeyPair } from './asymmetric-keys.js';

type Generator = () => KeyObject;

const rsa = (modulusLength: number): Generator => () => generateKeyPairSync('rsa', { modulusLength, publicExponent: 0x10001 }).privateKey;
const ec = (namedCurve: string): Generator => () => generateKeyPairSync('ec', { namedCurve }).privateKey;

/** One entry per KeyPairSpec of the model (tested); undefined = refused outside China. */
export const DATA_KEY_PAIR_GENERATORS: Readonly<Record<DataKeyPairSpec, Generator | undefined>> = {
  RSA_2048: rsa(2048),
  RSA_3072: rsa(3072),
  RSA_4096: rsa(4096),
  ECC_NIST_P256: ec('prime256v1'),
  ECC_NIST_P384: ec('secp384r1'),
  ECC_NIST_P521: ec('secp521r1'),
  ECC_SECG_P256K1: ec('secp256k1'),
  ECC_NIST_EDWARDS25519: () => generateKeyPairSync('ed25519').privateKey,
  SM2: undefined,
};

/**
 * A new data key pair.
 * @throws UnsupportedOperationException for SM2.
 * @throws KMSInternalException for a value outside the model's enum (a caller bug).
 */
export function generateDataKeyPair(keyPairSpec: DataKeyPairSpec): AsymmetricKeyPair {
  if (!Object.prototype.hasOwnProperty.call(DATA_KEY_PAIR_GENERATORS, keyPairSpec)) throw new KMSInternalException('unknown key pair spec');
  const generate = DATA_KEY_PAIR_GENERATORS[keyPairSpec];
  if (!generate) throw new UnsupportedOperationException(notInRegionMessage('KeyPairSpec', keyPairSpec));
  return exportKeyPair(generate());
}
