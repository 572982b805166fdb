import { createPublicKey, diffieHellman, generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { KeySpec } from '../../common/model/schemas.js';
import { generateAsymmetricKeyPair, loadPrivateKey } from './asymmetric-keys.js';
import { deriveSharedSecret } from './key-agreement.js';

const CASES: [KeySpec, string, number][] = [
  ['ECC_NIST_P256', 'prime256v1', 32],
  ['ECC_NIST_P384', 'secp384r1', 48],
  ['ECC_NIST_P521', 'secp521r1', 66],
];
const spki = (k: ReturnType<typeof generateKeyPairSync>['publicKey']): Buffer => k.export({ type: 'spki', format: 'der' }) as Buffer;

describe('deriveSharedSecret', () => {
  it.each(CASES)('%s: equals crypto.diffieHellman from the peer side', (keySpec, curve, size) => {
    const ours = generateAsymmetricKeyPair(keySpec);
    const peer = generateKeyPairSync('ec', { namedCurve: curve });
    const secret = deriveSharedSecret({ keySpec, privateKey: ours.privateKey, algorithm: 'ECDH', peerPublicKey: spki(peer.publicKey) });
    expect(secret.length).toBe(size);
    const theirs = diffieHellman({ privateKey: peer.privateKey, publicKey: createPublicKey({ key: ours.publicKey, format: 'der', type: 'spki' }) });
    expect(secret.equals(theirs)).toBe(true);
  });

  it('works between two KMS keys and with a compressed-point peer key', () => {
    const a = generateAsymmetricKeyPair('ECC_NIST_P256');
    const b = generateAsymmetricKeyPair('ECC_NIST_P256');
    const ab = deriveSharedSecret({ keySpec: 'ECC_NIST_P256', privateKey: a.privateKey, algorithm: 'ECDH', peerPublicKey: b.publicKey });
    const ba = deriveSharedSecret({ keySpec: 'ECC_NIST_P256', privateKey: loadPrivateKey(b.privateKey), algorithm: 'ECDH', peerPublicKey: a.publicKey });
    expect(ab.equals(ba)).toBe(true);
    // Same peer key as an SPKI with a compressed point.
    const jwk = createPublicKey({ key: b.publicKey, format: 'der', type: 'spki' }).export({ format: 'jwk' });
    const x = Buffer.from(jwk.x!, 'base64url');
    const y = Buffer.from(jwk.y!, 'base64url');
    const point = Buffer.concat([Buffer.of(y[31]! & 1 ? 3 : 2), x]);
    const uncompressedSpki = Buffer.from(b.publicKey);
    const prefix = uncompressedSpki.subarray(0, uncompressedSpki.length - 65);
    const header = Buffer.from(prefix);
    header[1] = header[1]! - 32; // outer SEQUENCE length
    header[header.length - 2] = header[header.length - 2]! - 32; // BIT STRING length
    const compressedSpki = Buffer.concat([header, point]);
    expect(deriveSharedSecret({ keySpec: 'ECC_NIST_P256', privateKey: a.privateKey, algorithm: 'ECDH', peerPublicKey: compressedSpki }).equals(ab)).toBe(true);
  });

  it('answers a malformed, foreign-curve or non-EC peer key with a bare ValidationException', () => {
    const ours = generateAsymmetricKeyPair('ECC_NIST_P256');
    const peers = [
      randomBytes(91),
      Buffer.alloc(0),
      spki(generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey),
      spki(generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).publicKey),
      spki(generateKeyPairSync('x25519').publicKey),
      spki(generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey),
      Buffer.from(ours.publicKey.toString('base64')), // base64 twice, the AWS CLI v1 pitfall
    ];
    const offCurve = Buffer.from(ours.publicKey);
    offCurve[offCurve.length - 1]! ^= 1;
    peers.push(offCurve);
    for (const peerPublicKey of peers) {
      expect(() => deriveSharedSecret({ keySpec: 'ECC_NIST_P256', privateKey: ours.privateKey, algorithm: 'ECDH', peerPublicKey })).toThrow(
        expect.objectContaining({ code: 'ValidationException', message: '' }),
      );
    }
  });

  it('refuses specs that do not agree keys', () => {
    const k1 = generateAsymmetricKeyPair('ECC_SECG_P256K1');
    const peer = spki(generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).publicKey);
    expect(() => deriveSharedSecret({ keySpec: 'ECC_SECG_P256K1', privateKey: k1.privateKey, algorithm: 'ECDH', peerPublicKey: peer })).toThrow(
      expect.objectContaining({ code: 'InvalidKeyUsageException', message: 'Algorithm ECDH is incompatible with key spec ECC_SECG_P256K1.' }),
    );
    expect(() => deriveSharedSecret({ keySpec: 'SM2', privateKey: k1.privateKey, algorithm: 'ECDH', peerPublicKey: peer })).toThrow(
      expect.objectContaining({ code: 'UnsupportedOperationException' }),
    );
  });
});
