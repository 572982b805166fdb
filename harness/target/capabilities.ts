/**
 * The capabilities probe: what the endpoint can do, established by asking it, before any case
 * runs. A case that needs something the probe did not establish is skipped with the probe's
 * evidence as the reason.
 *
 * - `clock-control`: `KmsBench.GetClock` answers 200 with a numeric `Now`.
 * - `op:<Operation>`: the operation, called with a well-formed input naming resources that do
 *   not exist, answers something other than "no such operation" — `UnknownOperationException`,
 *   `UnsupportedOperationException`, `NotImplemented*`, HTTP 404/501, or the very error code a
 *   made-up operation gets. An answer that proves nothing (an HTML 500 page, say) counts as
 *   supported, so the cases run and say what went wrong rather than hiding it as a skip.
 * - `key-store-fixtures`: `KmsBench.GetKeyStoreFixtures` answers 200 with the fixtures.
 * - `low-quota`: set by the conformance runner, never probed.
 * - `identities`: the target was given the identities (embedded: always) and each authenticates.
 *
 * The probe also creates one key (and schedules its deletion): it proves the endpoint and the
 * credentials work, and its ARN gives the account. An endpoint answering CreateKey "not
 * implemented" (HTTP 501, UnknownOperationException, ...) is probed all the same: its cases then
 * come out `unsupported`; any other refusal stops the run (credentials, Region, wrong URL).
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import { send, type RawReply } from '../client/raw-client.js';
import { signJsonRequest, type Credentials } from '../client/sign.js';
import type { OperationName } from '../../common/model/model.js';
import { truncate } from '../../common/text.js';
import { TargetError } from './errors.js';
import { IDENTITY_NAMES, type Identities } from './identities.js';

/** What an endpoint can do, found by the capabilities probe rather than guessed. */
export type Capability =
  /** Accepts the kmsbench control calls (KmsBench.AdvanceClock). */
  | 'clock-control'
  /**
   * Is a kmsbench reference server whose quotas the run configured low enough to test throttling:
   * AWS's default request quotas for the Region (profile `current`: CreateKey 5/s, ...), with no
   * other case running. The embedded target runs every other case with quotas off, and restarts
   * on the same data for the cases that need this. Never established for other endpoints.
   */
  | 'low-quota'
  /**
   * The run has the principals the policy and grant cases sign with (harness/target/identities.ts)
   * and each of them authenticates: ListKeys signed by it answers 200 or AccessDeniedException.
   */
  | 'identities'
  /**
   * Offers custom key store fixtures (`KmsBench.GetKeyStoreFixtures` answers 200): CloudHSM
   * clusters and an XKS proxy the endpoint can reach, so cases can create custom key stores. The
   * reference server started with `--key-store-fixtures` (the embedded target) has them; on AWS a
   * run would need a real CloudHSM cluster or external key store proxy.
   */
  | 'key-store-fixtures'
  /** Implements this operation at all (answers something other than "unknown/unsupported operation"). */
  | `op:${OperationName}`;

export interface ProbeEvidence {
  supported: boolean;
  /** What the endpoint answered, in a few words. */
  evidence: string;
}

export interface ProbeResult {
  capabilities: Set<Capability>;
  /** From the probe key's ARN; empty when the endpoint does not implement CreateKey. */
  account: string;
  /** Per probed capability, what was seen. */
  probes: Record<string, ProbeEvidence>;
  durationMs: number;
}

const UNSUPPORTED_CODES = new Set([
  'UnknownOperationException',
  'UnsupportedOperationException',
  'NotImplemented',
  'NotImplementedException',
  'InvalidAction',
  'UnknownOperation',
]);

const NO_KEY = () => randomUUID();
const BYTES = (n: number) => Buffer.alloc(n, 7).toString('base64');
const PRINCIPAL = (account: string) => `arn:aws:iam::${account}:root`;

/**
 * A well-formed input for every operation, naming things that do not exist, so that an endpoint
 * implementing the operation answers NotFound (or similar) and changes nothing. CreateKey is not
 * here: the probe really creates one key.
 */
export const PROBE_INPUTS: Record<Exclude<OperationName, 'CreateKey'>, (account: string) => object> = {
  CancelKeyDeletion: () => ({ KeyId: NO_KEY() }),
  ConnectCustomKeyStore: () => ({ CustomKeyStoreId: 'cks-0000000000000000a' }),
  CreateAlias: () => ({ AliasName: `alias/kmsbench-probe/${randomUUID()}`, TargetKeyId: NO_KEY() }),
  CreateCustomKeyStore: () => ({
    CustomKeyStoreName: `kmsbench-probe-${randomUUID()}`,
    CloudHsmClusterId: 'cluster-0000000000a',
    TrustAnchorCertificate: 'kmsbench-probe',
    KeyStorePassword: 'kmsbench-probe',
  }),
  CreateGrant: (a) => ({ KeyId: NO_KEY(), GranteePrincipal: PRINCIPAL(a), Operations: ['Encrypt'] }),
  Decrypt: () => ({ CiphertextBlob: BYTES(64) }),
  DeleteAlias: () => ({ AliasName: `alias/kmsbench-probe/${randomUUID()}` }),
  DeleteCustomKeyStore: () => ({ CustomKeyStoreId: 'cks-0000000000000000a' }),
  DeleteImportedKeyMaterial: () => ({ KeyId: NO_KEY() }),
  DeriveSharedSecret: () => ({ KeyId: NO_KEY(), KeyAgreementAlgorithm: 'ECDH', PublicKey: BYTES(91) }),
  DescribeCustomKeyStores: () => ({ Limit: 1 }),
  DescribeKey: () => ({ KeyId: NO_KEY() }),
  DisableKey: () => ({ KeyId: NO_KEY() }),
  DisableKeyRotation: () => ({ KeyId: NO_KEY() }),
  DisconnectCustomKeyStore: () => ({ CustomKeyStoreId: 'cks-0000000000000000a' }),
  EnableKey: () => ({ KeyId: NO_KEY() }),
  EnableKeyRotation: () => ({ KeyId: NO_KEY() }),
  Encrypt: () => ({ KeyId: NO_KEY(), Plaintext: BYTES(16) }),
  GenerateDataKey: () => ({ KeyId: NO_KEY(), KeySpec: 'AES_256' }),
  GenerateDataKeyPair: () => ({ KeyId: NO_KEY(), KeyPairSpec: 'ECC_NIST_P256' }),
  GenerateDataKeyPairWithoutPlaintext: () => ({ KeyId: NO_KEY(), KeyPairSpec: 'ECC_NIST_P256' }),
  GenerateDataKeyWithoutPlaintext: () => ({ KeyId: NO_KEY(), KeySpec: 'AES_256' }),
  GenerateMac: () => ({ KeyId: NO_KEY(), Message: BYTES(16), MacAlgorithm: 'HMAC_SHA_256' }),
  GenerateRandom: () => ({ NumberOfBytes: 1 }),
  GetKeyLastUsage: () => ({ KeyId: NO_KEY() }),
  GetKeyPolicy: () => ({ KeyId: NO_KEY(), PolicyName: 'default' }),
  GetKeyRotationStatus: () => ({ KeyId: NO_KEY() }),
  GetParametersForImport: () => ({ KeyId: NO_KEY(), WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' }),
  GetPublicKey: () => ({ KeyId: NO_KEY() }),
  ImportKeyMaterial: () => ({ KeyId: NO_KEY(), ImportToken: BYTES(32), EncryptedKeyMaterial: BYTES(32) }),
  ListAliases: () => ({ Limit: 1 }),
  ListGrants: () => ({ KeyId: NO_KEY() }),
  ListKeyPolicies: () => ({ KeyId: NO_KEY() }),
  ListKeyRotations: () => ({ KeyId: NO_KEY() }),
  ListKeys: () => ({ Limit: 1 }),
  ListResourceTags: () => ({ KeyId: NO_KEY() }),
  ListRetirableGrants: (a) => ({ RetiringPrincipal: PRINCIPAL(a), Limit: 1 }),
  PutKeyPolicy: () => ({ KeyId: NO_KEY(), PolicyName: 'default', Policy: '{"Version":"2012-10-17","Statement":[]}' }),
  ReEncrypt: () => ({ CiphertextBlob: BYTES(64), DestinationKeyId: NO_KEY() }),
  ReplicateKey: () => ({ KeyId: NO_KEY(), ReplicaRegion: 'us-west-2' }),
  RetireGrant: () => ({ KeyId: NO_KEY(), GrantId: '0'.repeat(64) }),
  RevokeGrant: () => ({ KeyId: NO_KEY(), GrantId: '0'.repeat(64) }),
  RotateKeyOnDemand: () => ({ KeyId: NO_KEY() }),
  ScheduleKeyDeletion: () => ({ KeyId: NO_KEY(), PendingWindowInDays: 7 }),
  Sign: () => ({ KeyId: NO_KEY(), Message: BYTES(16), SigningAlgorithm: 'ECDSA_SHA_256' }),
  TagResource: () => ({ KeyId: NO_KEY(), Tags: [{ TagKey: 'kmsbench-probe', TagValue: 'x' }] }),
  UntagResource: () => ({ KeyId: NO_KEY(), TagKeys: ['kmsbench-probe'] }),
  UpdateAlias: () => ({ AliasName: `alias/kmsbench-probe/${randomUUID()}`, TargetKeyId: NO_KEY() }),
  UpdateCustomKeyStore: () => ({ CustomKeyStoreId: 'cks-0000000000000000a' }),
  UpdateKeyDescription: () => ({ KeyId: NO_KEY(), Description: 'kmsbench probe' }),
  UpdatePrimaryRegion: () => ({ KeyId: NO_KEY(), PrimaryRegion: 'us-west-2' }),
  Verify: () => ({ KeyId: NO_KEY(), Message: BYTES(16), Signature: BYTES(64), SigningAlgorithm: 'ECDSA_SHA_256' }),
  VerifyMac: () => ({ KeyId: NO_KEY(), Message: BYTES(16), Mac: BYTES(32), MacAlgorithm: 'HMAC_SHA_256' }),
};

/** What a run asks the probe about. */
export interface ProbeRequest {
  /** Operations the selected cases need. */
  operations: readonly OperationName[];
  /** Names the probe key (its description). */
  runId: string;
  /** Per probe call (default 10 s); an operation that does not answer in time counts as supported. */
  timeoutMs?: number;
}

export interface ProbeOptions extends ProbeRequest {
  endpoint: string;
  region: string;
  credentials: Credentials;
  /** Known account (skips reading it from the probe key's ARN). */
  account?: string;
  /** The identities of the run, if it has them (capability `identities`). */
  identities?: Identities;
}

/** Short description of a reply for evidence strings. */
export function describeReply(r: RawReply): string {
  const kind = r.errorCode ? ` ${r.errorCode}` : r.json === undefined && r.text ? ` ${JSON.stringify(truncate(r.text.replace(/\s+/g, ' '), 60))}` : '';
  return `HTTP ${r.status}${kind}`;
}

export async function probeCapabilities(options: ProbeOptions): Promise<ProbeResult> {
  const started = performance.now();
  const signed = async (target: string, body: unknown) => {
    const req = await signJsonRequest({ endpoint: options.endpoint, region: options.region, credentials: options.credentials, target, body: JSON.stringify(body) });
    return send(req.url, req, options.timeoutMs ?? 10_000);
  };
  const capabilities = new Set<Capability>();
  const probes: Record<string, ProbeEvidence> = {};

  // 1. One real key: the endpoint answers, the credentials work, and its ARN gives the account.
  let created: RawReply;
  try {
    created = await signed('TrentService.CreateKey', { Description: `kmsbench conformance probe ${options.runId}` });
  } catch (e) {
    throw new TargetError(`cannot reach the endpoint ${options.endpoint}: ${(e as { code?: string }).code ?? ''} ${(e as Error).message}`.replace(/\s+/g, ' '));
  }
  const md = (created.json as { KeyMetadata?: { KeyId?: unknown; Arn?: unknown } } | undefined)?.KeyMetadata;
  const createKey = classifyOperationReply(created, undefined);
  let account = options.account ?? '';
  let keyId: string | undefined;
  if (!createKey.supported) {
    // An endpoint without CreateKey (a stub answering 501 to everything, say): every case that
    // needs it is unsupported, which the run reports instead of refusing to run.
    probes['op:CreateKey'] = createKey;
  } else if (created.status !== 200 || typeof md?.KeyId !== 'string') {
    throw new TargetError(
      `the endpoint refused the probe's CreateKey (${describeReply(created)}${created.errorMessage ? `: ${created.errorMessage}` : ''}); check --endpoint, --region and the AWS credentials`,
    );
  } else {
    probes['op:CreateKey'] = { supported: true, evidence: 'HTTP 200 (probe key created)' };
    capabilities.add('op:CreateKey');
    account = options.account ?? (typeof md.Arn === 'string' ? (md.Arn.split(':')[4] ?? '') : '');
    if (!/^\d{12}$/.test(account)) throw new TargetError(`cannot tell the account from the probe key's ARN ${JSON.stringify(md.Arn)}`);
    keyId = md.KeyId;
  }

  // 2. What a made-up operation gets, to recognise "no such operation" in the target's own words.
  const baseline = await signed('TrentService.KmsBenchNoSuchOperation', {}).catch(() => undefined);
  const baselineCode = baseline?.errorCode;

  // 3. Clock control, the operations the cases need, and the probe key's deletion, concurrently.
  const tasks: Array<() => Promise<void>> = [];
  tasks.push(async () => {
    const r = await signed('KmsBench.GetClock', {}).catch((e: Error) => e);
    const ok = !(r instanceof Error) && r.status === 200 && typeof (r.json as { Now?: unknown } | undefined)?.Now === 'number';
    probes['clock-control'] = { supported: ok, evidence: `KmsBench.GetClock → ${r instanceof Error ? r.message : describeReply(r)}` };
    if (ok) capabilities.add('clock-control');
  });
  tasks.push(async () => {
    const r = await signed('KmsBench.GetKeyStoreFixtures', {}).catch((e: Error) => e);
    const ok = !(r instanceof Error) && r.status === 200 && typeof (r.json as { Xks?: unknown } | undefined)?.Xks === 'object';
    probes['key-store-fixtures'] = {
      supported: ok,
      evidence: `KmsBench.GetKeyStoreFixtures → ${r instanceof Error ? r.message : describeReply(r)}${ok ? '' : '; no CloudHSM cluster or XKS proxy to create custom key stores against'}`,
    };
    if (ok) capabilities.add('key-store-fixtures');
  });
  for (const op of new Set(options.operations)) {
    if (op === 'CreateKey') continue;
    const input = PROBE_INPUTS[op];
    if (!input) continue;
    tasks.push(async () => {
      const body = input(account);
      const r = await signed(`TrentService.${op}`, body).catch((e: Error) => e);
      const verdict = classifyOperationReply(r, baselineCode);
      probes[`op:${op}`] = verdict;
      if (verdict.supported) capabilities.add(`op:${op}`);
      // An endpoint that created an alias for a key that does not exist: take it back.
      if (op === 'CreateAlias' && !(r instanceof Error) && r.status === 200) {
        await signed('TrentService.DeleteAlias', { AliasName: (body as { AliasName: string }).AliasName }).catch(() => undefined);
      }
    });
  }
  tasks.push(async () => {
    probes.identities = await probeIdentities(options);
    if (probes.identities.supported) capabilities.add('identities');
  });
  await runLimited(tasks, 8);
  if (keyId) await signed('TrentService.ScheduleKeyDeletion', { KeyId: keyId, PendingWindowInDays: 7 }).catch(() => undefined);
  return { capabilities, account, probes, durationMs: performance.now() - started };
}

/** Each identity signs a ListKeys: 200 or AccessDeniedException proves it authenticates. */
async function probeIdentities(options: ProbeOptions): Promise<ProbeEvidence> {
  const ids = options.identities;
  if (ids === undefined) return { supported: false, evidence: 'no identities given (--identities FILE, see suites/README.md "Identities")' };
  const seen: string[] = [];
  let ok = true;
  for (const name of IDENTITY_NAMES) {
    const req = await signJsonRequest({ endpoint: options.endpoint, region: options.region, credentials: ids[name].credentials, target: 'TrentService.ListKeys', body: '{"Limit":1}' });
    const r = await send(req.url, req, options.timeoutMs ?? 10_000).catch((e: Error) => e);
    const good = !(r instanceof Error) && (r.status === 200 || r.errorCode === 'AccessDeniedException');
    ok &&= good;
    seen.push(`${name}: ListKeys → ${r instanceof Error ? r.message : describeReply(r)}`);
  }
  return { supported: ok, evidence: seen.join('; ') };
}

export function classifyOperationReply(r: RawReply | Error, baselineCode: string | undefined): ProbeEvidence {
  if (r instanceof Error) return { supported: true, evidence: `inconclusive, no reply (${r.message}); assumed supported` };
  const evidence = describeReply(r);
  if (r.status === 200) return { supported: true, evidence };
  if (r.errorCode && UNSUPPORTED_CODES.has(r.errorCode)) return { supported: false, evidence };
  if (r.status === 404 || r.status === 501) return { supported: false, evidence };
  if (r.errorCode && baselineCode && r.errorCode === baselineCode) {
    return { supported: false, evidence: `${evidence} (same as a made-up operation)` };
  }
  if (r.status >= 500 && !r.errorCode) return { supported: true, evidence: `${evidence}; inconclusive, assumed supported` };
  return { supported: true, evidence };
}

async function runLimited(tasks: Array<() => Promise<void>>, limit: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await tasks[next++]!();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}
