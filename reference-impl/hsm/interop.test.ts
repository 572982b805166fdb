/**
 * Interoperability of the software HSM with OpenSSL's command line (/usr/bin/openssl): what a
 * client holding the public key (or its own key pair) does outside KMS must agree with what
 * the HSM does. Skipped, with a note in the suite name, when the binary is absent.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AlgorithmSpec, KeySpec, SigningAlgorithmSpec } from '../../common/model/schemas.js';
import { rsaDecrypt, rsaEncrypt } from './asymmetric-encrypt.js';
import { generateAsymmetricKeyPair, importPrivateKey, loadPrivateKey, loadPublicKey } from './asymmetric-keys.js';
import { generateWrappingKeyPair, unwrapKeyMaterial } from './import.js';
import { deriveSharedSecret } from './key-agreement.js';
import { signMessage, verifySignature } from './sign.js';

const OPENSSL = '/usr/bin/openssl';
const haveOpenssl = existsSync(OPENSSL);
const dir = haveOpenssl ? mkdtempSync(join(tmpdir(), 'kmsbench-hsm-interop-')) : '';
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

let n = 0;
const file = (data: Buffer | string): string => {
  const p = join(dir, `f${n++}`);
  writeFileSync(p, data);
  return p;
};
const openssl = (...args: string[]): Buffer => execFileSync(OPENSSL, args, { stdio: ['ignore', 'pipe', 'pipe'] });
/** Exit status 0? (openssl dgst -verify exits 1 on a bad signature) */
const opensslOk = (...args: string[]): boolean => {
  try {
    openssl(...args);
    return true;
  } catch {
    return false;
  }
};
const pubPem = (spki: Buffer): string => file(loadPublicKey(spki).export({ type: 'spki', format: 'pem' }) as string);
const privPem = (pkcs8: Buffer): string => file(loadPrivateKey(pkcs8).export({ type: 'pkcs8', format: 'pem' }) as string);
/** `openssl genpkey … | openssl pkcs8 -topk8 -outform der -nocrypt`, AWS's recipe for key material (genpkey's own DER is PKCS#1/SEC1). */
const genPkcs8Der = (...genpkeyArgs: string[]): Buffer =>
  openssl('pkcs8', '-topk8', '-outform', 'DER', '-nocrypt', '-in', file(openssl('genpkey', ...genpkeyArgs)));
const HASH: Record<string, string> = { '256': 'sha256', '384': 'sha384', '512': 'sha512' };

const title = haveOpenssl ? 'OpenSSL interop' : `OpenSSL interop (SKIPPED: ${OPENSSL} not found)`;

describe.runIf(haveOpenssl)(title, () => {
  const SIGN_CASES: [KeySpec, SigningAlgorithmSpec][] = [
    ['RSA_2048', 'RSASSA_PKCS1_V1_5_SHA_256'],
    ['RSA_2048', 'RSASSA_PKCS1_V1_5_SHA_512'],
    ['RSA_2048', 'RSASSA_PSS_SHA_256'],
    ['RSA_2048', 'RSASSA_PSS_SHA_384'],
    ['RSA_2048', 'RSASSA_PSS_SHA_512'],
    ['ECC_NIST_P256', 'ECDSA_SHA_256'],
    ['ECC_NIST_P384', 'ECDSA_SHA_384'],
    ['ECC_NIST_P521', 'ECDSA_SHA_512'],
    ['ECC_SECG_P256K1', 'ECDSA_SHA_256'],
  ];
  const keys = new Map<KeySpec, ReturnType<typeof generateAsymmetricKeyPair>>();
  const keyOf = (s: KeySpec) => keys.get(s) ?? keys.set(s, generateAsymmetricKeyPair(s)).get(s)!;

  it.each(SIGN_CASES)('%s %s: openssl dgst -verify accepts RAW and DIGEST signatures; HSM verifies openssl signatures', (keySpec, algorithm) => {
    const { privateKey, publicKey } = keyOf(keySpec);
    const hash = HASH[algorithm.slice(-3)]!;
    const message = randomBytes(500);
    const digest = createHash(hash).update(message).digest();
    const pss = algorithm.includes('PSS') ? ['-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:-1'] : [];
    const msgFile = file(message);
    const pub = pubPem(publicKey);
    for (const signature of [
      signMessage({ keySpec, privateKey, algorithm, message }),
      signMessage({ keySpec, privateKey, algorithm, messageType: 'DIGEST', message: digest }),
    ]) {
      expect(opensslOk('dgst', `-${hash}`, '-verify', pub, ...pss, '-signature', file(signature), msgFile)).toBe(true);
      const other = file(Buffer.concat([message, Buffer.of(0)]));
      expect(opensslOk('dgst', `-${hash}`, '-verify', pub, ...pss, '-signature', file(signature), other)).toBe(false);
    }
    const theirs = openssl('dgst', `-${hash}`, '-sign', privPem(privateKey), ...pss, msgFile);
    expect(verifySignature({ keySpec, publicKey, algorithm, message, signature: theirs })).toBe(true);
    expect(verifySignature({ keySpec, publicKey, algorithm, messageType: 'DIGEST', message: digest, signature: theirs })).toBe(true);
  });

  it('ECC_NIST_EDWARDS25519 ED25519_SHA_512: openssl pkeyutl -verify -rawin accepts the signature', () => {
    const { privateKey, publicKey } = keyOf('ECC_NIST_EDWARDS25519');
    const message = randomBytes(200);
    const signature = signMessage({ keySpec: 'ECC_NIST_EDWARDS25519', privateKey, algorithm: 'ED25519_SHA_512', message });
    expect(opensslOk('pkeyutl', '-verify', '-pubin', '-inkey', pubPem(publicKey), '-rawin', '-in', file(message), '-sigfile', file(signature))).toBe(true);
  });

  it.each(['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'] as const)('%s: openssl decrypts HSM ciphertext, HSM decrypts openssl ciphertext', (algorithm) => {
    const { privateKey, publicKey } = keyOf('RSA_2048');
    const md = algorithm.endsWith('SHA_1') ? 'sha1' : 'sha256';
    const oaep = ['-pkeyopt', 'rsa_padding_mode:oaep', '-pkeyopt', `rsa_oaep_md:${md}`, '-pkeyopt', `rsa_mgf1_md:${md}`];
    const plaintext = randomBytes(150);
    const ct = rsaEncrypt({ keySpec: 'RSA_2048', publicKey, algorithm, plaintext });
    expect(openssl('pkeyutl', '-decrypt', '-inkey', privPem(privateKey), ...oaep, '-in', file(ct)).equals(plaintext)).toBe(true);
    const theirs = openssl('pkeyutl', '-encrypt', '-pubin', '-inkey', pubPem(publicKey), ...oaep, '-in', file(plaintext));
    expect(rsaDecrypt({ keySpec: 'RSA_2048', privateKey, algorithm, ciphertext: theirs }).equals(plaintext)).toBe(true);
  });

  it.each(['ECC_NIST_P256', 'ECC_NIST_P384', 'ECC_NIST_P521'] as const)('%s ECDH: openssl pkeyutl -derive from the peer side gives the same secret', (keySpec) => {
    const ours = keyOf(keySpec);
    const curve = { ECC_NIST_P256: 'P-256', ECC_NIST_P384: 'P-384', ECC_NIST_P521: 'P-521' }[keySpec];
    const peerKey = file(openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', `ec_paramgen_curve:${curve}`));
    const peerPub = openssl('pkey', '-in', peerKey, '-pubout', '-outform', 'DER');
    const theirs = openssl('pkeyutl', '-derive', '-inkey', peerKey, '-peerkey', pubPem(ours.publicKey));
    expect(deriveSharedSecret({ keySpec, privateKey: ours.privateKey, algorithm: 'ECDH', peerPublicKey: peerPub }).equals(theirs)).toBe(true);
  });

  describe('ImportKeyMaterial: material wrapped with AWS\'s OpenSSL recipe unwraps', () => {
    const wrapping = generateWrappingKeyPair('RSA_3072');
    const wrappingPub = file(wrapping.publicKey); // DER, as GetParametersForImport returns it
    const rsaOaep = (md: string) => ['-keyform', 'DER', '-pubin', '-inkey', wrappingPub, '-pkeyopt', 'rsa_padding_mode:oaep', '-pkeyopt', `rsa_oaep_md:${md}`, '-pkeyopt', `rsa_mgf1_md:${md}`];

    it.each([
      ['RSAES_OAEP_SHA_1', 'sha1'],
      ['RSAES_OAEP_SHA_256', 'sha256'],
    ] as const)('%s', (wrappingAlgorithm, md) => {
      const material = randomBytes(32);
      const encryptedKeyMaterial = openssl('pkeyutl', '-encrypt', '-in', file(material), ...rsaOaep(md));
      expect(unwrapKeyMaterial({ wrappingPrivateKey: wrapping.privateKey, wrappingAlgorithm, encryptedKeyMaterial }).equals(material)).toBe(true);
    });

    it.each([
      ['RSA_AES_KEY_WRAP_SHA_1', 'sha1'],
      ['RSA_AES_KEY_WRAP_SHA_256', 'sha256'],
    ] as [AlgorithmSpec, string][])('%s (RSA private key material)', (wrappingAlgorithm, md) => {
      const material = genPkcs8Der('-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048');
      const aesKey = randomBytes(32);
      const kwp = openssl('enc', '-id-aes256-wrap-pad', '-K', aesKey.toString('hex'), '-iv', 'A65959A6', '-in', file(material));
      const rsaPart = openssl('pkeyutl', '-encrypt', '-in', file(aesKey), ...rsaOaep(md));
      const encryptedKeyMaterial = Buffer.concat([rsaPart, kwp]);
      const unwrapped = unwrapKeyMaterial({ wrappingPrivateKey: wrapping.privateKey, wrappingAlgorithm, encryptedKeyMaterial });
      expect(unwrapped.equals(material)).toBe(true);
      expect(importPrivateKey(unwrapped, 'RSA_2048').publicKey.length).toBeGreaterThan(0);
    });
  });

  it('accepts PKCS#8 DER from AWS\'s recipe; refuses explicit EC parameters, multi-prime RSA and non-PKCS#8 DER, as AWS does', () => {
    const explicit = genPkcs8Der('-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-pkeyopt', 'ec_param_enc:explicit');
    const named = genPkcs8Der('-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256');
    const multiPrime = genPkcs8Der('-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-pkeyopt', 'rsa_keygen_primes:3');
    const twoPrime = genPkcs8Der('-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048');
    const sec1 = openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-outform', 'DER');
    expect(() => importPrivateKey(named, 'ECC_NIST_P256')).not.toThrow();
    expect(() => importPrivateKey(twoPrime, 'RSA_2048')).not.toThrow();
    expect(() => importPrivateKey(sec1, 'ECC_NIST_P256')).toThrow(expect.objectContaining({ code: 'IncorrectKeyMaterialException' }));
    expect(() => importPrivateKey(explicit, 'ECC_NIST_P256')).toThrow(expect.objectContaining({ code: 'IncorrectKeyMaterialException' }));
    expect(() => importPrivateKey(multiPrime, 'RSA_2048')).toThrow(expect.objectContaining({ code: 'IncorrectKeyMaterialException' }));
  });
});
