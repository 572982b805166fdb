/**
 * What the micro load suite times (`kmsbench load --suite micro`): the client's SigV4 signing
 * and raw request build, and the reference server's per-request stages — SigV4 verification,
 * AES-256-GCM seal/open of the HSM, ciphertext blob encode/decode, the quota limiter's admit,
 * the authorize stage (default vs typical three-statement key policy).
 * It lives with the CLI because it reaches into the server's internals, which only the CLI (and
 * scripts) may import; the load engine (harness/load/micro.ts) runs it.
 *
 * @module
 */
import { verifySigV4 } from '../reference-impl/auth/sigv4.js';
import { parseAmzDate } from '../reference-impl/sigv4/amz-date.js';
import { CredentialStore } from '../reference-impl/auth/credentials.js';
import { parseCiphertextBlob } from '../reference-impl/hsm/blob.js';
import { encodeEncryptionContext } from '../reference-impl/hsm/encryption-context.js';
import { decryptSymmetric, encryptSymmetric, generateBackingKey } from '../reference-impl/hsm/symmetric.js';
import { DEFAULT_ACCOUNT_ID, DEFAULT_CREDENTIALS } from '../common/default-identity.js';
import { Limiter } from '../common/quota/limiter.js';
import { signJsonRequest } from '../harness/client/sign.js';
import { buildRequest } from '../harness/load/closed-loop.js';
import type { MicroBench } from '../harness/load/micro.js';
import { callerPrincipal, compilePolicy } from '../reference-impl/authz/index.js';
import { TYPICAL_APP_IDENTITY_POLICY, TYPICAL_POLICY_TENANT, typicalKeyPolicy } from '../reference-impl/authz/typical-policy.js';
import { NO_FAULTS } from '../reference-impl/faults.js';
import { defaultKeyPolicy } from '../reference-impl/keys/policy-document.js';
import { Authorizer, type AuthzRequestInfo } from '../reference-impl/ops/authorize.js';
import type { KeyRecord } from '../reference-impl/records/key-records.js';
import { KeyStore } from '../reference-impl/store/store.js';

/**
 * The authorize stage as the request path runs it (policy cache, lazy request context), for
 * Encrypt by a session of the key users' role: under the default key policy (delegation to IAM,
 * so its identity policy decides) and under the typical three-statement policy with an
 * encryption-context condition (authz/typical-policy.ts). Issue 12's budget: within 5 %.
 */
function authorizeBenches(sinkOf: (n: number) => void): MicroBench[] {
  const account = DEFAULT_ACCOUNT_ID;
  // Read only for grants and aliases, which these allowed requests never need.
  const store = new KeyStore({ path: ':memory:' });
  const authorizer = new Authorizer(store, NO_FAULTS, Buffer.alloc(32, 1));
  const key = (policy: string, id: string): KeyRecord => ({
    keyId: id, account, region: 'us-east-1', arn: `arn:aws:kms:us-east-1:${account}:key/${id}`, createdAt: 0, description: '', keyUsage: 'ENCRYPT_DECRYPT',
    keySpec: 'SYMMETRIC_DEFAULT', origin: 'AWS_KMS', keyManager: 'CUSTOMER', state: 'Enabled', deletionDate: null, pendingWindowInDays: null, policy,
    rotationEnabled: false, rotationPeriodInDays: null, nextRotationAt: null, onDemandRotationStartedAt: null, onDemandRotations: 0, tags: [], currentVersion: 1,
  });
  const plainId = '00000000-0000-0000-0000-00000000000a';
  const plain = key(defaultKeyPolicy(account), plainId);
  const typical = key(JSON.stringify(typicalKeyPolicy(account)), '00000000-0000-0000-0000-00000000000b');
  const caller = callerPrincipal(`arn:aws:sts::${account}:assumed-role/App/bench`);
  const identityPolicies = [compilePolicy(TYPICAL_APP_IDENTITY_POLICY, { kind: 'identity' })];
  const input = { KeyId: plainId, Plaintext: Buffer.alloc(1024, 7), EncryptionContext: { tenant: TYPICAL_POLICY_TENANT, purpose: 'bench' } };
  const info = (): AuthzRequestInfo => ({
    operation: 'Encrypt',
    input,
    caller,
    identityPolicies,
    notes: {},
    region: 'us-east-1',
  });
  // Per request, as the pipeline does: a fresh request info and authorizer closure, then the check.
  const run = (k: KeyRecord) => () => {
    for (let i = 0; i < 100; i++) {
      const r = info();
      authorizer.keyAuthorizer(r)(k, 'Encrypt', {});
      sinkOf(r.notes.authz!.decision.length);
    }
  };
  run(plain)();
  run(typical)();
  return [
    { name: 'authorize Encrypt: default key policy (role session, IAM delegation)', batch: 100, fn: run(plain) },
    { name: 'authorize Encrypt: 3-statement policy + EncryptionContext condition', batch: 100, fn: run(typical) },
  ];
}

export async function microBenches(): Promise<MicroBench[]> {
  const endpoint = 'http://127.0.0.1:4599';
  const region = 'us-east-1';
  const credentials = { ...DEFAULT_CREDENTIALS };
  const keyId = '1234abcd-12ab-34cd-56ef-1234567890ab';
  const plaintext = Buffer.alloc(1024, 7);
  const body = JSON.stringify({ KeyId: keyId, Plaintext: plaintext.toString('base64'), EncryptionContext: { tenant: 'acme' } });
  const signArgs = { endpoint, region, credentials, target: 'TrentService.Encrypt', body };
  const signed = await signJsonRequest(signArgs);
  const store = CredentialStore.default();
  const lower: Record<string, string> = {};
  for (const [k, v] of Object.entries(signed.headers)) lower[k.toLowerCase()] = v;
  const sigReq = { method: 'POST', rawUrl: '/', headers: lower, body: Buffer.from(body) };
  const now = parseAmzDate(lower['x-amz-date']!) + 1000;
  verifySigV4(sigReq, store, now); // must verify
  const material = generateBackingKey();
  const contextAad = encodeEncryptionContext({ tenant: 'acme' });
  const blob = encryptSymmetric({ keyId, backingKeyVersion: 1, material, plaintext, contextAad });
  const blobB64 = blob.toString('base64');
  const limiter = new Limiter(); // us-east-1 defaults; the simulated clock runs fast, so both paths (admit, throttle) are taken
  const url = new URL(endpoint);
  const clock = { ns: 0 };
  // Every result lands here, so no work can be optimised away.
  let sink = 0;
  const authz = authorizeBenches((n) => {
    sink += n;
  });

  return [
    { name: 'SigV4 sign (client, @smithy/signature-v4, Encrypt 1 KiB)', batch: 1, fn: () => signJsonRequest(signArgs) },
    {
      name: 'SigV4 verify (reference server, warm signing key)',
      batch: 1,
      fn: () => {
        sink += verifySigV4(sigReq, store, now).region.length;
      },
    },
    {
      name: 'AES-256-GCM seal 1 KiB (HSM encryptSymmetric)',
      batch: 1,
      fn: () => {
        sink += encryptSymmetric({ keyId, backingKeyVersion: 1, material, plaintext, contextAad }).length;
      },
    },
    {
      name: 'AES-256-GCM open 1 KiB (parse + decryptSymmetric)',
      batch: 1,
      fn: () => {
        sink += decryptSymmetric({ parsed: parseCiphertextBlob(blob), material, contextAad }).length;
      },
    },
    {
      name: 'blob encode (ciphertext blob → base64, 1 KiB)',
      batch: 10,
      fn: () => {
        for (let i = 0; i < 10; i++) sink += blob.toString('base64').length;
      },
    },
    {
      name: 'blob decode (base64 → parseCiphertextBlob, 1 KiB)',
      batch: 10,
      fn: () => {
        for (let i = 0; i < 10; i++) sink += parseCiphertextBlob(Buffer.from(blobB64, 'base64')).backingKeyVersion;
      },
    },
    {
      name: 'limiter admit (Limiter.admit, symmetric)',
      batch: 1000,
      fn: () => {
        let t = clock.ns;
        for (let i = 0; i < 1000; i++) if (limiter.admit(DEFAULT_ACCOUNT_ID, 'us-east-1', 'symmetric', (t += 7))) sink++;
        clock.ns = t;
      },
    },
    {
      name: 'raw request build (pre-signed template → bytes)',
      batch: 10,
      fn: () => {
        for (let i = 0; i < 10; i++) sink += buildRequest(url, signed.headers, Buffer.from(body)).length;
      },
    },
    ...authz,
  ];
}
