/**
 * Case factories for the asymmetric area: KeyMetadata per KeySpec × KeyUsage, CreateKey's
 * KeySpec × KeyUsage refusals, RSA plaintext limits, and data key pairs per KeyPairSpec. Not a
 * case file: no default export.
 *
 * @module
 */
import { constants, createPrivateKey, createPublicKey, publicEncrypt } from 'node:crypto';
import {
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  EncryptCommand,
  GenerateDataKeyPairCommand,
  GenerateDataKeyPairWithoutPlaintextCommand,
  GetPublicKeyCommand,
  type DataKeyPairSpec,
  type EncryptionAlgorithmSpec,
  type KeySpec,
  type KeyUsageType,
} from '@aws-sdk/client-kms';
import { RSA_ENCRYPTION_ALGORITHMS, RSA_SIGNING_ALGORITHMS } from '../../../common/rsa-algorithms.js';
import { defineCase, type CaseSource, type CaseTag, type ConformanceCase } from '../../../harness/conformance/case.js';
import { members } from '../_lib/support.js';
import { apiDoc, ciphertext, documented, givenPublicKey, inferred, keyOf, KEY_SPEC_DOC, recorded, requestDoc, stateRefusal, type KeyStateName, type StateRefusal } from '../_lib/asymmetric.js';
import { givenKey, kebab } from '../_lib/prerequisites.js';

export { kebab };

/** The algorithm lists of KeyMetadata / GetPublicKey, per spec and usage (Key spec reference). */
export const ALGORITHMS: Record<string, Record<string, string[]>> = {
  RSA: { EncryptionAlgorithms: [...RSA_ENCRYPTION_ALGORITHMS], SigningAlgorithms: [...RSA_SIGNING_ALGORITHMS] },
  ECC_NIST_P256: { SigningAlgorithms: ['ECDSA_SHA_256'], KeyAgreementAlgorithms: ['ECDH'] },
  ECC_NIST_P384: { SigningAlgorithms: ['ECDSA_SHA_384'], KeyAgreementAlgorithms: ['ECDH'] },
  ECC_NIST_P521: { SigningAlgorithms: ['ECDSA_SHA_512'], KeyAgreementAlgorithms: ['ECDH'] },
  ECC_SECG_P256K1: { SigningAlgorithms: ['ECDSA_SHA_256'] },
  ECC_NIST_EDWARDS25519: { SigningAlgorithms: ['ED25519_SHA_512', 'ED25519_PH_SHA_512'] },
  HMAC_224: { MacAlgorithms: ['HMAC_SHA_224'] },
  HMAC_256: { MacAlgorithms: ['HMAC_SHA_256'] },
  HMAC_384: { MacAlgorithms: ['HMAC_SHA_384'] },
  HMAC_512: { MacAlgorithms: ['HMAC_SHA_512'] },
};

const LIST_OF_USAGE: Record<string, string> = {
  ENCRYPT_DECRYPT: 'EncryptionAlgorithms',
  SIGN_VERIFY: 'SigningAlgorithms',
  GENERATE_VERIFY_MAC: 'MacAlgorithms',
  KEY_AGREEMENT: 'KeyAgreementAlgorithms',
};
const ALL_LISTS = Object.values(LIST_OF_USAGE);

/** The one algorithm list KeyMetadata / GetPublicKey carry for a key of `spec` and `usage`. */
export function expectedList(spec: string, usage: string): { member: string; values: string[] } {
  const member = LIST_OF_USAGE[usage]!;
  const values = (ALGORITHMS[spec.startsWith('RSA_') ? 'RSA' : spec] ?? {})[member];
  if (!values) throw new Error(`no ${member} for ${spec}`);
  return { member, values };
}

/**
 * CreateKey with `spec` and `usage` answers KeyMetadata with KeySpec, KeyUsage, the one algorithm
 * list of that usage (exactly as AWS lists it) and none of the others, Enabled, and no
 * CurrentKeyMaterialId (symmetric keys only: aws-observed.md §4.1).
 */
export function metadataCase(area: string, tags: CaseTag[], spec: KeySpec, usage: KeyUsageType, flags?: ConformanceCase['flags']): ConformanceCase {
  const { member, values } = expectedList(spec, usage);
  return defineCase({
    id: `${area}.create-${kebab(spec)}-${kebab(usage)}-metadata`,
    title: `CreateKey ${spec} ${usage} answers KeyMetadata with ${member} ${values.join(', ')} and no other algorithm list`,
    doc: KEY_SPEC_DOC,
    source: documented(`${KEY_SPEC_DOC} (algorithm lists per key spec); spec/aws-observed.md §4.1 (only the list of the key's usage; CurrentKeyMaterialId only on symmetric keys)`),
    tags,
    ops: ['CreateKey', 'DescribeKey'],
    ...(flags ? { flags, timeoutMs: 120_000 } : {}),
    async run(t) {
      const created = await keyOf(t, spec, usage);
      const described = (await t.kms.send(new DescribeKeyCommand({ KeyId: created.KeyId }))).KeyMetadata!;
      for (const m of [created, described]) {
        const rec = m as unknown as Record<string, unknown>;
        t.expectEqual([m.KeySpec, m.CustomerMasterKeySpec, m.KeyUsage, m.KeyState, m.Enabled, m.Origin], [spec, spec, usage, 'Enabled', true, 'AWS_KMS'], 'KeySpec, CustomerMasterKeySpec, KeyUsage, KeyState, Enabled, Origin');
        t.expectEqual(rec[member], values, member);
        const others = ALL_LISTS.filter((l) => l !== member && rec[l] !== undefined);
        t.expectEqual(others, [], 'algorithm lists of other usages present');
        t.check(!members(m).includes('CurrentKeyMaterialId'), 'no CurrentKeyMaterialId on a non-symmetric key', members(m));
      }
    },
  });
}

/** CreateKey with a usage the spec does not allow: ValidationException `KeyUsage U is not compatible with KeySpec S`. */
export function usageMismatchCase(spec: KeySpec, usage: KeyUsageType, tags: CaseTag[]): ConformanceCase {
  const observed = spec === 'RSA_2048' && usage === 'KEY_AGREEMENT';
  return defineCase({
    id: `asymmetric.create-${kebab(spec)}-${kebab(usage)}-refused`,
    title: `CreateKey ${spec} with KeyUsage ${usage} is refused with ValidationException "KeyUsage ${usage} is not compatible with KeySpec ${spec}"`,
    doc: requestDoc('CreateKey', 'KeyUsage'),
    source: observed
      ? recorded('spec/aws-observed.md §6.1 V11')
      : inferred(`the wording recorded for RSA_2048 / KEY_AGREEMENT (spec/aws-observed.md §6.1 V11) applied to another pair the model's CreateKey KeyUsage doc does not allow`),
    tags,
    ops: ['CreateKey'],
    async run(t) {
      await t.expectError(t.kms.send(new CreateKeyCommand({ KeySpec: spec, KeyUsage: usage })), {
        code: 'ValidationException',
        status: 400,
        message: `KeyUsage ${usage} is not compatible with KeySpec ${spec}`,
      });
    },
  });
}

/** CreateKey of a non-symmetric spec without KeyUsage (aws-observed.md V8). */
export function usageRequiredCase(area: string, spec: KeySpec, tags: CaseTag[]): ConformanceCase {
  return defineCase({
    id: `${area}.create-${kebab(spec)}-without-key-usage-refused`,
    title: `CreateKey ${spec} without KeyUsage is refused with ValidationException`,
    doc: requestDoc('CreateKey', 'KeyUsage'),
    source: spec.startsWith('HMAC')
      ? recorded('spec/aws-observed.md §6.1 V8')
      : inferred('spec/aws-observed.md §6.1 V8 (recorded for HMAC_256: "for all KMS keys except for symmetric encryption keys")'),
    tags,
    ops: ['CreateKey'],
    async run(t) {
      await t.expectError(t.kms.send(new CreateKeyCommand({ KeySpec: spec })), {
        code: 'ValidationException',
        status: 400,
        message: 'You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.',
      });
    },
  });
}

const RSA_BYTES: Record<string, number> = { RSA_2048: 256, RSA_3072: 384, RSA_4096: 512 };
const HASH_BYTES: Record<string, number> = { RSAES_OAEP_SHA_1: 20, RSAES_OAEP_SHA_256: 32 };
export const rsaMax = (spec: string, alg: string): number => RSA_BYTES[spec]! - 2 * HASH_BYTES[alg]! - 2;

/**
 * RSA plaintext limits of one key size (facts sheet; aws-observed.md V5), both OAEP hashes on one
 * key: exactly the maximum encrypts (ciphertext = modulus length) and decrypts back; one byte
 * more is refused with AWS's message.
 */
export function rsaLimitsCase(spec: KeySpec): ConformanceCase {
  const algs: EncryptionAlgorithmSpec[] = ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'];
  return defineCase({
    id: `asymmetric.encrypt-${kebab(spec)}-plaintext-limits`,
    title: `Encrypt with ${spec} takes up to ${algs.map((a) => `${rsaMax(spec, a)} bytes (${a})`).join(' and ')}; one byte more is refused with "cannot encrypt data larger than N bytes"`,
    doc: apiDoc('Encrypt'),
    source: recorded('spec/aws-observed.md §6.1 V5 (the refusals, per key spec and algorithm); the limits: service model, Encrypt documentation; spec/kms-facts.md'),
    tags: ['asymmetric', 'limits'],
    ops: ['CreateKey', 'Encrypt', 'Decrypt'],
    ...(spec === 'RSA_2048' ? {} : { flags: ['slow' as const], timeoutMs: 120_000 }),
    async run(t) {
      const key = await keyOf(t, spec, 'ENCRYPT_DECRYPT');
      for (const alg of algs) {
        const max = rsaMax(spec, alg);
        const plaintext = t.bytes(max);
        const { CiphertextBlob } = await t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: plaintext, EncryptionAlgorithm: alg }));
        t.expectEqual(CiphertextBlob?.length, RSA_BYTES[spec], `${alg}: ciphertext length (the modulus length)`);
        const out = await t.kms.send(new DecryptCommand({ KeyId: key.KeyId, CiphertextBlob, EncryptionAlgorithm: alg }));
        t.check(Buffer.from(out.Plaintext ?? []).equals(Buffer.from(plaintext)), `${alg}: Decrypt returns the ${max} bytes`);
        await t.expectError(t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(max + 1), EncryptionAlgorithm: alg })), {
          code: 'ValidationException',
          status: 400,
          message: `Algorithm ${alg} and key spec ${spec} cannot encrypt data larger than ${max} bytes.`,
        });
      }
    },
  });
}

/** Node's name of each data key pair's key, for checking what GenerateDataKeyPair returned. */
const PAIR_SHAPE: Record<string, { type: string; detail?: Record<string, unknown> }> = {
  RSA_2048: { type: 'rsa', detail: { modulusLength: 2048 } },
  RSA_3072: { type: 'rsa', detail: { modulusLength: 3072 } },
  RSA_4096: { type: 'rsa', detail: { modulusLength: 4096 } },
  ECC_NIST_P256: { type: 'ec', detail: { namedCurve: 'prime256v1' } },
  ECC_NIST_P384: { type: 'ec', detail: { namedCurve: 'secp384r1' } },
  ECC_NIST_P521: { type: 'ec', detail: { namedCurve: 'secp521r1' } },
  ECC_SECG_P256K1: { type: 'ec', detail: { namedCurve: 'secp256k1' } },
  ECC_NIST_EDWARDS25519: { type: 'ed25519' },
};

const DKP_DOC = apiDoc('GenerateDataKeyPair');

/**
 * GenerateDataKeyPair for `spec`: PrivateKeyPlaintext is DER PKCS#8 and PublicKey DER SPKI of a
 * `spec` key (GenerateDataKeyPair doc: RFC 5958 / RFC 5280), the public key is the private key's,
 * and Decrypt of PrivateKeyCiphertextBlob with the same context returns the PKCS#8 bytes.
 */
export function dataKeyPairCase(spec: DataKeyPairSpec): ConformanceCase {
  const shape = PAIR_SHAPE[spec]!;
  const source: CaseSource = documented('service model: GenerateDataKeyPair documentation (PKCS#8 PrivateKeyInfo, X.509 SubjectPublicKeyInfo, private key encrypted under the symmetric KMS key)');
  return defineCase({
    id: `asymmetric.data-key-pair-${kebab(spec)}`,
    title: `GenerateDataKeyPair ${spec} returns a ${spec} PKCS#8 private key, its SPKI public key, and a ciphertext that decrypts to the private key`,
    doc: DKP_DOC,
    source,
    tags: ['asymmetric'],
    ops: ['CreateKey', 'GenerateDataKeyPair', 'Decrypt'],
    ...(spec === 'RSA_3072' || spec === 'RSA_4096' ? { flags: ['slow' as const], timeoutMs: 120_000 } : {}),
    async run(t) {
      const key = await givenKey(t);
      const context = { purpose: 'kmsbench', spec };
      const out = await t.kms.send(new GenerateDataKeyPairCommand({ KeyId: key.KeyId, KeyPairSpec: spec, EncryptionContext: context }));
      t.expectEqual(out.KeyPairSpec, spec, 'KeyPairSpec');
      const priv = createPrivateKey({ key: Buffer.from(out.PrivateKeyPlaintext ?? []), format: 'der', type: 'pkcs8' });
      const pub = createPublicKey({ key: Buffer.from(out.PublicKey ?? []), format: 'der', type: 'spki' });
      t.expectEqual(priv.asymmetricKeyType, shape.type, 'private key type');
      for (const [k, v] of Object.entries(shape.detail ?? {})) {
        t.expectEqual((priv.asymmetricKeyDetails as Record<string, unknown>)[k], v, `private key ${k}`);
      }
      const derived = createPublicKey(priv).export({ type: 'spki', format: 'der' });
      t.check(derived.equals(pub.export({ type: 'spki', format: 'der' })), 'PublicKey is the public half of PrivateKeyPlaintext');
      const dec = await t.kms.send(new DecryptCommand({ CiphertextBlob: out.PrivateKeyCiphertextBlob, EncryptionContext: context }));
      t.check(Buffer.from(dec.Plaintext ?? []).equals(Buffer.from(out.PrivateKeyPlaintext ?? [])), 'Decrypt of PrivateKeyCiphertextBlob returns PrivateKeyPlaintext');
    },
  });
}

/**
 * GetPublicKey of a key of `spec` / `usage`: exactly the members the model lists for it, KeyId the
 * key ARN, the algorithm list of its usage, and PublicKey a DER SPKI of the spec's key type
 * (GetPublicKeyResponse in the model; Key spec reference).
 */
export function publicKeyMembersCase(name: string, spec: KeySpec, usage: KeyUsageType, type: string, detail: [string, unknown] | undefined, tags: CaseTag[]): ConformanceCase {
  const { member, values } = expectedList(spec, usage);
  return defineCase({
    id: `asymmetric.${name}`,
    title: `GetPublicKey of an ${spec} ${usage} key answers a DER SPKI ${spec} public key with KeySpec, KeyUsage and ${member} ${values.join(', ')}`,
    doc: apiDoc('GetPublicKey', 'API_GetPublicKey_ResponseSyntax'),
    source: documented(`service model: GetPublicKeyResponse (PublicKey: DER SubjectPublicKeyInfo; the algorithm list of the key usage); ${KEY_SPEC_DOC}`),
    tags,
    ops: ['CreateKey', 'GetPublicKey'],
    async run(t) {
      const key = await keyOf(t, spec, usage);
      const out = await t.kms.send(new GetPublicKeyCommand({ KeyId: key.KeyId }));
      t.expectEqual(members(out), ['CustomerMasterKeySpec', 'KeyId', 'KeySpec', 'KeyUsage', 'PublicKey', member].sort(), 'response members');
      t.expectEqual([out.KeyId, out.KeySpec, out.KeyUsage, (out as unknown as Record<string, unknown>)[member]], [key.Arn, spec, usage, values], `KeyId (ARN), KeySpec, KeyUsage, ${member}`);
      const pub = createPublicKey({ key: Buffer.from(out.PublicKey!), format: 'der', type: 'spki' });
      t.expectEqual(pub.asymmetricKeyType, type, 'public key type');
      if (detail) t.expectEqual((pub.asymmetricKeyDetails as Record<string, unknown>)[detail[0]], detail[1], `public key ${detail[0]}`);
    },
  });
}

/** Decrypt through the endpoint of what Node encrypted locally with RSA-OAEP under the GetPublicKey key. */
export function localOaepCase(alg: 'RSAES_OAEP_SHA_1' | 'RSAES_OAEP_SHA_256'): ConformanceCase {
  const hash = alg === 'RSAES_OAEP_SHA_1' ? 'sha1' : 'sha256';
  return defineCase({
    id: `asymmetric.decrypt-rsa-local-${kebab(alg).replace('rsaes-', '')}`,
    title: `Decrypt (${alg}) through the endpoint returns what Node encrypted locally with RSA-OAEP-${hash.toUpperCase()} under the GetPublicKey key`,
    doc: requestDoc('Decrypt', 'EncryptionAlgorithm'),
    source: documented(`${KEY_SPEC_DOC} (RSAES_OAEP_SHA_*: "SHA-x for both the hash and in the MGF1 mask generation function along with an empty label"); service model: GetPublicKey ("encrypt data outside of KMS")`),
    tags: ['asymmetric'],
    ops: ['CreateKey', 'GetPublicKey', 'Decrypt'],
    async run(t) {
      const key = await keyOf(t, 'RSA_2048', 'ENCRYPT_DECRYPT');
      const pub = await givenPublicKey(t, key.KeyId, 'asymmetric.get-public-key-rsa-encryption-members');
      const plaintext = t.bytes(150);
      const blob = publicEncrypt({ key: pub, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hash }, plaintext);
      const out = await t.kms.send(new DecryptCommand({ KeyId: key.KeyId, CiphertextBlob: blob, EncryptionAlgorithm: alg }));
      t.check(Buffer.from(out.Plaintext ?? []).equals(Buffer.from(plaintext)), 'Decrypt returns the locally encrypted plaintext');
      t.expectEqual([out.KeyId, out.EncryptionAlgorithm], [key.Arn, alg], 'KeyId (ARN) and EncryptionAlgorithm');
    },
  });
}

/** The calls the key-state cases of this area send, by the operation named in their ids. */
const IN_STATE: Record<'encrypt-rsa' | 'decrypt-rsa' | 'generate-data-key-pair' | 'get-public-key', Omit<StateRefusal, 'area' | 'tags' | 'state' | 'op'>> = {
  'encrypt-rsa': {
    ops: ['Encrypt'],
    spec: 'RSA_2048',
    usage: 'ENCRYPT_DECRYPT',
    call: (t, key) => t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(16), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' })),
  },
  'decrypt-rsa': {
    ops: ['Encrypt', 'Decrypt'],
    spec: 'RSA_2048',
    usage: 'ENCRYPT_DECRYPT',
    prepare: ciphertext('RSAES_OAEP_SHA_256'),
    call: (t, key, blob) => t.kms.send(new DecryptCommand({ KeyId: key.KeyId, CiphertextBlob: blob as Uint8Array, EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' })),
  },
  'generate-data-key-pair': {
    ops: ['GenerateDataKeyPair'],
    spec: 'SYMMETRIC_DEFAULT' as KeySpec,
    usage: 'ENCRYPT_DECRYPT',
    call: (t, key) => t.kms.send(new GenerateDataKeyPairCommand({ KeyId: key.KeyId, KeyPairSpec: 'ECC_NIST_P256' })),
  },
  'get-public-key': {
    ops: ['GetPublicKey'],
    spec: 'ECC_NIST_P256',
    usage: 'SIGN_VERIFY',
    call: (t, key) => t.kms.send(new GetPublicKeyCommand({ KeyId: key.KeyId })),
  },
};

/** `op` on a key in `state` is refused with that state's error ({@link stateRefusal}). */
export const refusedInStateCase = (op: keyof typeof IN_STATE, state: KeyStateName): ConformanceCase =>
  stateRefusal({ area: 'asymmetric', tags: ['asymmetric'], state, op, ...IN_STATE[op] });

/**
 * GenerateDataKeyPair (`withPlaintext`) or GenerateDataKeyPairWithoutPlaintext of a `spec` pair
 * under a symmetric key answers PrivateKeyCiphertextBlob, PublicKey, KeyId (the key ARN) and
 * KeyPairSpec, and PrivateKeyPlaintext exactly when `withPlaintext`.
 */
export function dataKeyPairMembersCase(withPlaintext: boolean, spec: DataKeyPairSpec, c: { title: string; source: CaseSource }): ConformanceCase {
  const op = withPlaintext ? 'GenerateDataKeyPair' : 'GenerateDataKeyPairWithoutPlaintext';
  const present = ['KeyId', 'KeyPairSpec', 'PrivateKeyCiphertextBlob', ...(withPlaintext ? ['PrivateKeyPlaintext'] : []), 'PublicKey'];
  return defineCase({
    id: `asymmetric.data-key-pair-${withPlaintext ? 'response' : 'without-plaintext'}-members`,
    title: c.title,
    doc: apiDoc(op, `API_${op}_ResponseSyntax`),
    source: c.source,
    tags: ['asymmetric'],
    ops: ['CreateKey', op],
    async run(t) {
      const key = await givenKey(t);
      const input = { KeyId: key.KeyId, KeyPairSpec: spec };
      const out = await t.kms.send(withPlaintext ? new GenerateDataKeyPairCommand(input) : new GenerateDataKeyPairWithoutPlaintextCommand(input));
      const got = members(out);
      for (const m of present) t.check(got.includes(m), `${m} present`, got);
      if (!withPlaintext) t.check(!got.includes('PrivateKeyPlaintext'), 'no PrivateKeyPlaintext', got);
      t.expectEqual([out.KeyId, out.KeyPairSpec], [key.Arn, spec], 'KeyId (ARN) and KeyPairSpec');
    },
  });
}
