/**
 * Case factory for DeriveSharedSecret per curve. Not a case file: no default export.
 *
 * Source: DeriveSharedSecret in the model ("ECDH ... the raw shared secret"; PublicKey is a DER
 * SubjectPublicKeyInfo on the same curve). The other side computes the same secret with Node's
 * crypto.diffieHellman on the KMS key's public key (GetPublicKey).
 *
 * @module
 */
import { diffieHellman, generateKeyPairSync } from 'node:crypto';
import { DeriveSharedSecretCommand, type DeriveSharedSecretCommandInput, type KeySpec } from '@aws-sdk/client-kms';
import { defineCase, type CaseContext, type ConformanceCase } from '../../../harness/conformance/case.js';
import { apiDoc, documented, givenPublicKey, keyOf, stateRefusal, type KeyStateName } from '../_lib/asymmetric.js';
import { kebab } from '../asymmetric/_support.js';

export const CURVE: Record<string, { curve: string; bytes: number }> = {
  ECC_NIST_P256: { curve: 'prime256v1', bytes: 32 },
  ECC_NIST_P384: { curve: 'secp384r1', bytes: 48 },
  ECC_NIST_P521: { curve: 'secp521r1', bytes: 66 },
};

/** A peer key pair on `spec`'s curve; `spki` is what DeriveSharedSecret takes. */
export function peerOn(spec: string) {
  const pair = generateKeyPairSync('ec', { namedCurve: CURVE[spec]!.curve });
  return { ...pair, spki: pair.publicKey.export({ type: 'spki', format: 'der' }) };
}

/** DeriveSharedSecret equals crypto.diffieHellman computed from the peer's side. */
export function ecdhCase(spec: KeySpec): ConformanceCase {
  return defineCase({
    id: `key-agreement.${kebab(spec)}-matches-peer`,
    title: `DeriveSharedSecret with an ${spec} key returns the ${CURVE[spec]!.bytes}-byte secret the peer computes with crypto.diffieHellman`,
    doc: apiDoc('DeriveSharedSecret'),
    source: documented('service model: DeriveSharedSecret documentation (ECDH, raw shared secret) and DeriveSharedSecretRequest.PublicKey (DER SubjectPublicKeyInfo)'),
    tags: ['key-agreement', 'asymmetric'],
    ops: ['CreateKey', 'DeriveSharedSecret', 'GetPublicKey'],
    async run(t) {
      const key = await keyOf(t, spec, 'KEY_AGREEMENT');
      const peer = peerOn(spec);
      const out = await derive(t, key.KeyId, peer.spki);
      const kmsPublic = await givenPublicKey(t, key.KeyId, 'asymmetric.get-public-key-key-agreement-members');
      const expected = diffieHellman({ privateKey: peer.privateKey, publicKey: kmsPublic });
      t.expectEqual(out.SharedSecret?.length, CURVE[spec]!.bytes, 'SharedSecret length');
      t.check(Buffer.from(out.SharedSecret ?? []).equals(expected), 'SharedSecret equals the peer-side ECDH result');
    },
  });
}

/** DeriveSharedSecret (ECDH) with the key `keyId` and the peer's `publicKey` (DER SPKI), and `extra` members. */
export const derive = (t: CaseContext, keyId: string, publicKey: Uint8Array, extra: Partial<DeriveSharedSecretCommandInput> = {}) =>
  t.kms.send(new DeriveSharedSecretCommand({ KeyId: keyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: publicKey, ...extra }));

/** DeriveSharedSecret with an ECC_NIST_P256 key in `state` is refused with that state's error. */
export const refusedInStateCase = (state: KeyStateName): ConformanceCase =>
  stateRefusal({
    area: 'key-agreement',
    tags: ['key-agreement'],
    state,
    op: 'derive-shared-secret',
    ops: ['DeriveSharedSecret'],
    spec: 'ECC_NIST_P256',
    usage: 'KEY_AGREEMENT',
    call: (t, key) => derive(t, key.KeyId, peerOn('ECC_NIST_P256').spki),
  });
