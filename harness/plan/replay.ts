/**
 * `kmsbench plan --endpoint URL`: replay the workload's KMS request streams against a real
 * endpoint as an open-model load run (harness/load/open-loop.ts, used through its exported
 * `runOpenLoop` only): one Poisson generator per stream, all at once, at `scale` × the plan's
 * peak (or average) rates.
 *
 * Set-up, signed with SigV4 (harness/client/sign.ts) in the plan's Region: one key per key group
 * (quotas are per account and class, not per key, so one key stands for the group), then one
 * probe request per stream (which also makes the ciphertext, signature or MAC a Decrypt, Verify
 * or VerifyMac needs). A stream whose probe fails with anything but throttling is skipped with
 * the error, instead of loading the endpoint with failing requests.
 *
 * Each request is signed once and replayed, so a run is capped at 240 s (SigV4 allows 5 minutes
 * of clock skew).
 *
 * @module
 */
import { runOpenLoop, type OpenLoopResult } from '../load/open-loop.js';
import { signJsonRequest, type Credentials } from '../client/sign.js';
import { chargesOf, classKeyId, type Stream } from './rates.js';
import type { PlanResult } from './plan.js';
import type { Workload } from './workload.js';

export const MAX_REPLAY_SECONDS = 240;
/** Streams slower than this at the chosen scale are not replayed (under one request per run). */
const MIN_RATE = 0.05;

export interface ReplayOptions {
  endpoint: string;
  credentials: Credentials;
  /** Multiplier on the plan's rates (default 1). */
  scale?: number;
  durationSeconds?: number;
  load?: 'peak' | 'average';
  seed?: number;
  /** Progress lines (set-up, probes). */
  log?: (line: string) => void;
}

export interface ReplayStream {
  id: string;
  operation: string;
  rate: number;
  result?: OpenLoopResult;
  skipped?: string;
  firstError?: string;
}

export interface ReplayClass {
  id: string;
  offeredPerSecond: number;
  okPerSecond: number;
  throttledRatio: number;
}

export interface ReplayResult {
  kind: 'kmsbench.replay';
  endpoint: string;
  region: string;
  scale: number;
  load: 'peak' | 'average';
  durationSeconds: number;
  streams: ReplayStream[];
  classes: ReplayClass[];
  /** How to start the reference server with the plan's quotas at this scale. */
  serveHint?: string;
}

interface KmsReply {
  status: number;
  json: Record<string, unknown>;
  type?: string;
}

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

function signingAlgorithm(spec: string): string {
  if (spec.startsWith('RSA_')) return 'RSASSA_PSS_SHA_256';
  if (spec === 'ECC_NIST_P384') return 'ECDSA_SHA_384';
  if (spec === 'ECC_NIST_P521') return 'ECDSA_SHA_512';
  if (spec === 'SM2') return 'SM2DSA';
  if (spec.startsWith('ML_DSA_')) return 'ML_DSA_SHAKE_256';
  if (spec === 'ECC_NIST_EDWARDS25519') return 'ED25519_SHA_512';
  return 'ECDSA_SHA_256';
}

const macAlgorithm = (spec: string) => `HMAC_SHA_${spec.slice('HMAC_'.length)}`;

function keyUsage(spec: string, uses: ReadonlySet<string>): string {
  if (spec.startsWith('HMAC_')) return 'GENERATE_VERIFY_MAC';
  if (spec === 'SYMMETRIC_DEFAULT') return 'ENCRYPT_DECRYPT';
  if (uses.has('Sign') || uses.has('Verify') || spec.startsWith('ML_DSA_') || spec === 'ECC_NIST_EDWARDS25519') return 'SIGN_VERIFY';
  return spec.startsWith('ECC_') ? 'SIGN_VERIFY' : 'ENCRYPT_DECRYPT';
}

export async function replayWorkload(w: Workload, plan: PlanResult, o: ReplayOptions): Promise<ReplayResult> {
  const scale = o.scale ?? 1;
  const load = o.load ?? 'peak';
  const durationSeconds = Math.min(MAX_REPLAY_SECONDS, Math.max(1, o.durationSeconds ?? 10));
  const region = plan.workload.region;
  const log = o.log ?? (() => {});
  const sign = (op: string, body: unknown) =>
    signJsonRequest({ endpoint: o.endpoint, region, credentials: o.credentials, target: `TrentService.${op}`, body: JSON.stringify(body) });
  const call = async (op: string, body: unknown): Promise<KmsReply> => {
    const req = await sign(op, body);
    const res = await fetch(req.url, { method: 'POST', headers: req.headers, body: req.body as string });
    const text = await res.text();
    let json: Record<string, unknown> = {};
    try {
      json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      json = { message: text.slice(0, 200) };
    }
    const type = typeof json.__type === 'string' ? json.__type.split('#').pop() : undefined;
    return { status: res.status, json, ...(type ? { type } : {}) };
  };
  /** Retries throttled set-up calls (CreateKey is 5/s). */
  const callRetry = async (op: string, body: unknown): Promise<KmsReply> => {
    for (let attempt = 0; ; attempt++) {
      const r = await call(op, body);
      if (r.type !== 'ThrottlingException' || attempt >= 6) return r;
      await new Promise((res) => setTimeout(res, 100 * 2 ** attempt));
    }
  };
  const errorOf = (r: KmsReply) => `${r.status} ${r.type ?? ''} ${typeof r.json.message === 'string' ? r.json.message : ''}`.trim();

  // 1. One key per key group in use.
  const groups = new Map(w.keys.map((k) => [k.name, k]));
  const usesByKey = new Map<string, Set<string>>();
  for (const s of plan.streams) if (s.key) (usesByKey.get(s.key) ?? usesByKey.set(s.key, new Set()).get(s.key)!).add(s.operation);
  const keyIds = new Map<string, string | { error: string }>();
  for (const [name, uses] of usesByKey) {
    const g = groups.get(name)!;
    const r = await callRetry('CreateKey', { KeySpec: g.spec, KeyUsage: keyUsage(g.spec, uses), Description: `kmsbench plan replay: ${w.name}/${name}` });
    const id = (r.json.KeyMetadata as { KeyId?: string } | undefined)?.KeyId;
    keyIds.set(name, r.status === 200 && id ? id : { error: `CreateKey ${g.spec}: ${errorOf(r)}` });
    log(`key ${name} (${g.spec}${g.customKeyStore ? `, custom key store not reproduced` : ''}): ${typeof keyIds.get(name) === 'string' ? keyIds.get(name) : (keyIds.get(name) as { error: string }).error}`);
  }

  // 2. A body per stream, and a probe.
  const streams: ReplayStream[] = [];
  const runs: { stream: ReplayStream; body: string; op: string }[] = [];
  for (const s of plan.streams) {
    const rate = s[load] * scale;
    const entry: ReplayStream = { id: s.id, operation: s.operation, rate };
    streams.push(entry);
    if (rate < MIN_RATE) {
      entry.skipped = `rate ${rate.toPrecision(2)}/s too low for a ${durationSeconds} s run`;
      continue;
    }
    const key = s.key ? keyIds.get(s.key) : undefined;
    if (key && typeof key !== 'string') {
      entry.skipped = key.error;
      continue;
    }
    const body = await bodyFor(s, key, w, call);
    if ('error' in body) {
      entry.skipped = body.error;
      continue;
    }
    const probe = await call(s.operation, body.body);
    if (probe.status !== 200 && probe.type !== 'ThrottlingException') {
      entry.skipped = `probe: ${errorOf(probe)}`;
      continue;
    }
    runs.push({ stream: entry, body: JSON.stringify(body.body), op: s.operation });
  }

  // 3. All streams at once.
  log(`replaying ${runs.length} stream(s) for ${durationSeconds} s`);
  await Promise.all(
    runs.map(async (r, i) => {
      const req = await sign(r.op, JSON.parse(r.body));
      const headers = { ...req.headers };
      delete headers.host;
      r.stream.result = await runOpenLoop({
        url: req.url,
        rate: r.stream.rate,
        durationMs: durationSeconds * 1000,
        headers,
        body: req.body,
        arrivals: 'poisson',
        seed: (o.seed ?? 1) + i,
        maxConnections: Math.min(256, Math.max(8, Math.ceil(r.stream.rate / 50))),
      });
    }),
  );

  // 4. Per class.
  const acc = new Map<string, { offered: number; ok: number; throttled: number }>();
  plan.streams.forEach((s: Stream, i) => {
    const res = streams[i]!.result;
    if (!res) return;
    for (const c of chargesOf(s)) {
      const a = acc.get(classKeyId(c.key)) ?? { offered: 0, ok: 0, throttled: 0 };
      a.offered += res.offered;
      a.ok += res.ok;
      a.throttled += res.throttled;
      acc.set(classKeyId(c.key), a);
    }
  });
  const classes = [...acc].map(([id, a]) => ({
    id,
    offeredPerSecond: a.offered / durationSeconds,
    okPerSecond: a.ok / durationSeconds,
    throttledRatio: a.offered ? a.throttled / a.offered : 0,
  }));
  const quotaItems = plan.classes
    .filter((c) => !c.keyStoreId)
    .map((c) => `--quota ${c.cls}=${+(c.quota * scale).toPrecision(4)}`)
    .join(' ');
  const serveHint =
    scale !== 1
      ? `To throttle like the plan's quotas at this scale, start the reference server with them scaled too:\n  npx kmsbench serve --region ${region} --quota-profile ${plan.workload.quotaProfile} ${quotaItems}`
      : undefined;
  return { kind: 'kmsbench.replay', endpoint: o.endpoint, region, scale, load, durationSeconds, streams, classes, ...(serveHint ? { serveHint } : {}) };
}

async function bodyFor(
  s: Stream,
  keyId: string | undefined,
  w: Workload,
  call: (op: string, body: unknown) => Promise<KmsReply>,
): Promise<{ body: Record<string, unknown> } | { error: string }> {
  const spec = s.keySpec ?? 'SYMMETRIC_DEFAULT';
  const KeyId = keyId;
  const message = b64('kmsbench plan replay');
  const svc = w.services.find((x) => x.name === s.service);
  const fail = (what: string, r: KmsReply) => ({ error: `${what}: ${r.status} ${r.type ?? ''}`.trim() });
  switch (s.operation) {
    case 'Encrypt':
      return { body: { KeyId, Plaintext: b64(Buffer.alloc(Math.min(4096, svc?.encrypt?.messageBytes ?? 32), 7)), ...(spec !== 'SYMMETRIC_DEFAULT' ? { EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' } : {}) } };
    case 'GenerateDataKey':
    case 'GenerateDataKeyWithoutPlaintext':
      return { body: { KeyId, KeySpec: 'AES_256' } };
    case 'Decrypt': {
      const alg = spec !== 'SYMMETRIC_DEFAULT' ? { EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' } : {};
      const r = await call('Encrypt', { KeyId, Plaintext: b64(Buffer.alloc(32, 7)), ...alg });
      if (r.status !== 200) return fail('Encrypt for the Decrypt ciphertext', r);
      return { body: { KeyId, CiphertextBlob: r.json.CiphertextBlob, ...alg } };
    }
    case 'Sign':
      return { body: { KeyId, Message: message, MessageType: 'RAW', SigningAlgorithm: signingAlgorithm(spec) } };
    case 'Verify': {
      const base = { KeyId, Message: message, MessageType: 'RAW', SigningAlgorithm: signingAlgorithm(spec) };
      const r = await call('Sign', base);
      if (r.status !== 200) return fail('Sign for the Verify signature', r);
      return { body: { ...base, Signature: r.json.Signature } };
    }
    case 'GenerateMac':
      return { body: { KeyId, Message: message, MacAlgorithm: macAlgorithm(spec) } };
    case 'VerifyMac': {
      const base = { KeyId, Message: message, MacAlgorithm: macAlgorithm(spec) };
      const r = await call('GenerateMac', base);
      if (r.status !== 200) return fail('GenerateMac for the VerifyMac MAC', r);
      return { body: { ...base, Mac: r.json.Mac } };
    }
    case 'GenerateDataKeyPair':
    case 'GenerateDataKeyPairWithoutPlaintext':
      return { body: { KeyId, KeyPairSpec: s.keyPairSpec } };
    case 'GenerateRandom':
      return { body: { NumberOfBytes: 32 } };
    case 'ListKeys':
    case 'ListAliases':
      return { body: {} };
    case 'GetKeyPolicy':
      return { body: { KeyId, PolicyName: 'default' } };
    default:
      return KeyId ? { body: { KeyId } } : { error: `${s.operation} is not replayed (needs arguments the workload does not give)` };
  }
}
