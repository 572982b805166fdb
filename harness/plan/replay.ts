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
import { keyUsageFor, requestBody, valuesOf, type BodyValues } from '../load/request-bodies.js';
import { chargesOf, classKeyId, type Stream } from './rates.js';
import type { PlanResult } from './capacity-plan.js';
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
    const r = await callRetry('CreateKey', { KeySpec: g.spec, KeyUsage: keyUsageFor(g.spec, uses), Description: `kmsbench plan replay: ${w.name}/${name}` });
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

/** Replayed plaintexts, messages: fixed bytes. */
const plaintext = (n: number) => Buffer.alloc(n, 7).toString('base64');
const MESSAGE = Buffer.from('kmsbench plan replay').toString('base64');

/**
 * A stream's request body (request-bodies.ts), with what it needs made first: the ciphertext a
 * Decrypt takes, the signature a Verify takes, the MAC a VerifyMac takes.
 */
async function bodyFor(
  s: Stream,
  keyId: string | undefined,
  w: Workload,
  call: (op: string, body: unknown) => Promise<KmsReply>,
): Promise<{ body: Record<string, unknown> } | { error: string }> {
  const keySpec = s.keySpec ?? 'SYMMETRIC_DEFAULT';
  const svc = w.services.find((x) => x.name === s.service);
  const fail = (what: string, r: KmsReply) => ({ error: `${what}: ${r.status} ${r.type ?? ''}`.trim() });
  const params = { keySpec, ...(s.keyPairSpec ? { keyPairSpec: s.keyPairSpec } : {}) };
  const values: BodyValues<unknown> = valuesOf({ keyId, plaintext, message: MESSAGE });
  switch (s.operation) {
    case 'Encrypt':
      return { body: requestBody('Encrypt', { ...params, plaintextBytes: svc?.encrypt?.messageBytes ?? 32 }, values) };
    case 'Decrypt': {
      const r = await call('Encrypt', requestBody('Encrypt', { ...params, plaintextBytes: 32 }, values));
      if (r.status !== 200) return fail('Encrypt for the Decrypt ciphertext', r);
      return { body: requestBody('Decrypt', params, { ...values, ciphertext: r.json.CiphertextBlob }) };
    }
    case 'Verify': {
      const r = await call('Sign', requestBody('Sign', params, values));
      if (r.status !== 200) return fail('Sign for the Verify signature', r);
      return { body: requestBody('Verify', params, { ...values, signature: r.json.Signature }) };
    }
    case 'VerifyMac': {
      const r = await call('GenerateMac', requestBody('GenerateMac', params, values));
      if (r.status !== 200) return fail('GenerateMac for the VerifyMac MAC', r);
      return { body: requestBody('VerifyMac', params, { ...values, mac: r.json.Mac }) };
    }
    case 'GenerateDataKey':
    case 'GenerateDataKeyWithoutPlaintext':
    case 'GenerateDataKeyPair':
    case 'GenerateDataKeyPairWithoutPlaintext':
    case 'Sign':
    case 'GenerateMac':
    case 'GenerateRandom':
    case 'ListKeys':
    case 'ListAliases':
    case 'GetKeyPolicy':
      return { body: requestBody(s.operation, params, values) };
    default:
      return keyId ? { body: requestBody(s.operation, params, values) } : { error: `${s.operation} is not replayed (needs arguments the workload does not give)` };
  }
}
