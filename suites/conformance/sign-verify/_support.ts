/**
 * Case factories for Sign / Verify: a RAW round trip per algorithm checked by the endpoint and by
 * Node/OpenSSL on the GetPublicKey key, DIGEST signing, digest-length and algorithm refusals.
 * Not a case file: no default export.
 *
 * Sources: signing algorithms per key spec and their parameters (PSS salt = hash length, ECDSA
 * DER): Key spec reference; DIGEST semantics and RAW 4096-byte limit: SignRequest.Message /
 * MessageType in the model; digest-length wording: aws-observed.md V13.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { SignCommand, VerifyCommand, type KeySpec, type SigningAlgorithmSpec } from '@aws-sdk/client-kms';
import { defineCase, type CaseSource, type ConformanceCase } from '../../../harness/conformance/case.js';
import { documented, hashOf, incompatible, inferred, keyOf, KEY_SPEC_DOC, publicKeyOf, recorded, refusalCase, requestDoc, verifiesLocally } from '../_lib/asymmetric.js';
import { kebab } from '../asymmetric/_support.js';

const SIGNING_DOC = `${KEY_SPEC_DOC}#key-spec-rsa-sign`;

/** Sign (RAW) then Verify through the endpoint, and the signature checks out locally with the public key. */
export function rawRoundTripCase(spec: KeySpec, alg: SigningAlgorithmSpec): ConformanceCase {
  const local = alg !== 'ED25519_PH_SHA_512';
  return defineCase({
    id: `sign-verify.${kebab(spec)}-${kebab(alg)}-raw`,
    title: `Sign ${alg} (RAW) with a ${spec} key makes a signature Verify accepts${local ? ' and Node/OpenSSL verifies with the GetPublicKey key' : ''}`,
    doc: SIGNING_DOC,
    source: documented(`${KEY_SPEC_DOC} (signing algorithms and their parameters); service model: SignRequest.MessageType (RAW)`),
    tags: ['sign-verify', 'asymmetric'],
    ops: ['CreateKey', 'Sign', 'Verify', 'GetPublicKey'],
    ...(spec === 'RSA_3072' ? { flags: ['slow' as const], timeoutMs: 120_000 } : {}),
    async run(t) {
      const key = await keyOf(t, spec, 'SIGN_VERIFY');
      const message = t.bytes(100);
      const signed = await t.kms.send(new SignCommand({ KeyId: key.KeyId, Message: message, SigningAlgorithm: alg, MessageType: 'RAW' }));
      t.expectEqual([signed.KeyId, signed.SigningAlgorithm], [key.Arn, alg], 'KeyId (ARN) and SigningAlgorithm');
      const verified = await t.kms.send(new VerifyCommand({ KeyId: key.KeyId, Message: message, Signature: signed.Signature, SigningAlgorithm: alg, MessageType: 'RAW' }));
      t.expectEqual(verified.SignatureValid, true, 'SignatureValid');
      if (local) {
        const pub = await publicKeyOf(t, key.KeyId);
        t.check(verifiesLocally(alg, pub, message, signed.Signature!), `Node/OpenSSL verifies the ${alg} signature with the public key`);
      }
    },
  });
}

/**
 * Sign with MessageType DIGEST over the digest of a message makes the same kind of signature as
 * RAW over the message: it verifies locally over the message, and through the endpoint as DIGEST.
 */
export function digestCase(spec: KeySpec, alg: SigningAlgorithmSpec): ConformanceCase {
  const local = alg !== 'ED25519_PH_SHA_512';
  return defineCase({
    id: `sign-verify.${kebab(spec)}-${kebab(alg)}-digest`,
    title: `Sign ${alg} with MessageType DIGEST signs the given digest without hashing it again`,
    doc: requestDoc('Sign', 'MessageType'),
    source: documented('service model: SignRequest.MessageType ("When the value is DIGEST, KMS skips the hashing step in the signing algorithm")'),
    tags: ['sign-verify', 'asymmetric'],
    ops: ['CreateKey', 'Sign', 'Verify', 'GetPublicKey'],
    async run(t) {
      const key = await keyOf(t, spec, 'SIGN_VERIFY');
      const message = t.bytes(300);
      const digest = createHash(hashOf(alg)).update(message).digest();
      const signed = await t.kms.send(new SignCommand({ KeyId: key.KeyId, Message: digest, SigningAlgorithm: alg, MessageType: 'DIGEST' }));
      if (local) {
        const pub = await publicKeyOf(t, key.KeyId);
        t.check(verifiesLocally(alg, pub, message, signed.Signature!), 'the DIGEST signature verifies locally over the original message');
      }
      const verified = await t.kms.send(new VerifyCommand({ KeyId: key.KeyId, Message: digest, Signature: signed.Signature, SigningAlgorithm: alg, MessageType: 'DIGEST' }));
      t.expectEqual(verified.SignatureValid, true, 'Verify (DIGEST) accepts it');
    },
  });
}

/** DIGEST of the wrong length: ValidationException `Digest is invalid length for algorithm X.` */
export function digestLengthCase(spec: KeySpec, alg: SigningAlgorithmSpec, length: number): ConformanceCase {
  return defineCase({
    id: `sign-verify.${kebab(alg)}-digest-${length}-bytes-refused`,
    title: `Sign ${alg} with a ${length}-byte DIGEST is refused with ValidationException "Digest is invalid length for algorithm ${alg}."`,
    doc: requestDoc('Sign', 'MessageType'),
    source:
      alg === 'RSASSA_PSS_SHA_256'
        ? recorded('spec/aws-observed.md §6.1 V13')
        : inferred('spec/aws-observed.md §6.1 V13 (recorded for RSASSA_PSS_SHA_256; "algorithm name varies")'),
    tags: ['sign-verify', 'limits'],
    ops: ['CreateKey', 'Sign'],
    async run(t) {
      const key = await keyOf(t, spec, 'SIGN_VERIFY');
      await t.expectError(t.kms.send(new SignCommand({ KeyId: key.KeyId, Message: t.bytes(length), SigningAlgorithm: alg, MessageType: 'DIGEST' })), {
        code: 'ValidationException',
        status: 400,
        message: `Digest is invalid length for algorithm ${alg}.`,
      });
    },
  });
}

/** A signing algorithm the key spec does not support: InvalidKeyUsageException. */
export function wrongAlgorithmCase(spec: KeySpec, alg: SigningAlgorithmSpec, op: 'Sign' | 'Verify' = 'Sign'): ConformanceCase {
  return defineCase({
    id: `sign-verify.${kebab(op)}-${kebab(spec)}-with-${kebab(alg)}-refused`,
    title: `${op} with a ${spec} key and ${alg} is refused with InvalidKeyUsageException`,
    doc: requestDoc(op, 'SigningAlgorithm'),
    source: inferred('spec/aws-observed.md §9 ("Algorithm HMAC_SHA_256 is incompatible with key spec HMAC_224.", the wording KMS uses for an algorithm the key spec lacks); service model: Sign errors (InvalidKeyUsageException)'),
    tags: ['sign-verify'],
    ops: ['CreateKey', op],
    async run(t) {
      const key = await keyOf(t, spec, 'SIGN_VERIFY');
      const message = t.bytes(32);
      const call =
        op === 'Sign'
          ? t.kms.send(new SignCommand({ KeyId: key.KeyId, Message: message, SigningAlgorithm: alg }))
          : t.kms.send(new VerifyCommand({ KeyId: key.KeyId, Message: message, Signature: t.bytes(64), SigningAlgorithm: alg }));
      await t.expectError(call, incompatible(alg, spec));
    },
  });
}

/**
 * Each Ed25519 algorithm takes one MessageType (SignRequest.MessageType): ED25519_PH_SHA_512
 * DIGEST only, ED25519_SHA_512 (pure) RAW only. Sign with the other is refused with ValidationException.
 */
export function ed25519MessageTypeCase(alg: 'ED25519_PH_SHA_512' | 'ED25519_SHA_512', source: CaseSource): ConformanceCase {
  const takes = alg === 'ED25519_PH_SHA_512' ? 'DIGEST' : 'RAW';
  const other = takes === 'DIGEST' ? 'RAW' : 'DIGEST';
  return refusalCase({
    id: `sign-verify.ed25519-${takes === 'DIGEST' ? 'ph' : 'pure'}-${other.toLowerCase()}-refused`,
    title: `Sign ${alg} with MessageType ${other} is refused with ValidationException (that algorithm takes ${takes} only)`,
    doc: requestDoc('Sign', 'MessageType'),
    source,
    tags: ['sign-verify'],
    ops: ['Sign'],
    spec: 'ECC_NIST_EDWARDS25519',
    usage: 'SIGN_VERIFY',
    call: (t, key) => t.kms.send(new SignCommand({ KeyId: key.KeyId, Message: t.bytes(64), SigningAlgorithm: alg, MessageType: other })),
    expected: () => ({ code: 'ValidationException', status: 400 }),
  });
}
