/**
 * What a client does to import key material, with Node's crypto (AWS's recipe, "Encrypt the key
 * material", https://docs.aws.amazon.com/kms/latest/developerguide/importing-keys-encrypt-key-material.html):
 * RSAES_OAEP_SHA_1/256 encrypt the material directly with RSA-OAEP (MGF1 with the same hash);
 * RSA_AES_KEY_WRAP_SHA_1/256 encrypt a fresh AES-256 key with RSA-OAEP and append the material
 * wrapped under it with AES Key Wrap with Padding (RFC 5649). Plus the GetParametersForImport →
 * ImportKeyMaterial round trip the import cases share. Not a case file: it has no default export.
 *
 * @module
 */
import { constants, createCipheriv, createPublicKey, publicEncrypt, randomBytes } from 'node:crypto';
import {
  GetParametersForImportCommand,
  ImportKeyMaterialCommand,
  type AlgorithmSpec,
  type ImportKeyMaterialCommandInput,
  type KMSClient,
  type WrappingKeySpec,
} from '@aws-sdk/client-kms';
import type { CaseContext } from '../../../harness/conformance/case.js';
import { givenKey } from './prerequisites.js';

export const IMPORT_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/importing-keys.html';
export const GET_PARAMETERS_DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GetParametersForImport.html';
export const IMPORT_API_DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ImportKeyMaterial.html';
export const DELETE_IMPORTED_DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteImportedKeyMaterial.html';

/** Wraps `material` under the SubjectPublicKeyInfo `publicKey` with `algorithm`. */
export function wrapKeyMaterial(publicKey: Uint8Array, algorithm: AlgorithmSpec | string, material: Uint8Array): Buffer {
  const key = createPublicKey({ key: Buffer.from(publicKey), format: 'der', type: 'spki' });
  const oaepHash = algorithm.endsWith('SHA_1') ? 'sha1' : 'sha256';
  const oaep = { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash };
  if (algorithm.startsWith('RSAES_OAEP')) return publicEncrypt(oaep, material);
  const aesKey = randomBytes(32);
  try {
    const c = createCipheriv('id-aes256-wrap-pad', aesKey, Buffer.from('a65959a6', 'hex'));
    return Buffer.concat([publicEncrypt(oaep, aesKey), c.update(material), c.final()]);
  } finally {
    aesKey.fill(0);
  }
}

export interface ImportOptions {
  algorithm?: AlgorithmSpec;
  wrappingKeySpec?: WrappingKeySpec;
  /** Extra ImportKeyMaterial members (default: KEY_MATERIAL_DOES_NOT_EXPIRE). */
  extra?: Partial<ImportKeyMaterialCommandInput>;
  /** Another client (e.g. another Region's). */
  kms?: KMSClient;
}

/** GetParametersForImport, wrap, ImportKeyMaterial; returns the reply. */
export async function importMaterial(t: CaseContext, keyId: string, material: Uint8Array, options: ImportOptions = {}) {
  const kms = options.kms ?? t.kms;
  const algorithm = options.algorithm ?? 'RSAES_OAEP_SHA_256';
  const params = await kms.send(
    new GetParametersForImportCommand({ KeyId: keyId, WrappingAlgorithm: algorithm, WrappingKeySpec: options.wrappingKeySpec ?? 'RSA_2048' }),
  );
  return kms.send(
    new ImportKeyMaterialCommand({
      KeyId: keyId,
      ImportToken: params.ImportToken,
      EncryptedKeyMaterial: wrapKeyMaterial(params.PublicKey!, algorithm, material),
      ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
      ...options.extra,
    }),
  );
}

/** A fresh EXTERNAL key (PendingImport): a prerequisite (`t.given`), `unsupported` where the endpoint cannot make one (UnsupportedOperationException). */
export async function externalKey(t: CaseContext, input: Record<string, unknown> = {}) {
  return givenKey(t, { Origin: 'EXTERNAL', ...input });
}
