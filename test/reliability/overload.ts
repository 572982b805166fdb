/**
 * Overload: open-model Encrypt load (the project's generator, harness/load/open-loop.ts) at
 * 0.5× a configured symmetric quota, then 3× for a while, then 0.5× again, against
 * `kmsbench serve --workers 2 --quota symmetric=Q`. Measured: the admitted requests' p99 under
 * overload against their unloaded p99 (criterion: at most 2×), the admitted rate against the
 * quota, the rest throttled, nothing lost (every request sent got a reply), and the first second
 * after the overload with no throttling (criterion: within one second).
 *
 * Then, with quotas off, a closed loop at saturation while the server's RSS is sampled: memory
 * must stay bounded (no growth from the first half of the run to the second beyond a margin).
 *
 * @module
 */
import { join } from 'node:path';
import { signJsonRequest } from '../../harness/client/sign.js';
import { summarize } from '../../harness/load/histogram.js';
import { runRawOpenModel } from '../../harness/load/open-loop.js';
import { processGroupMembers, startServe, tempDir, type ServerProcess } from '../e2e/harness.js';
import { Kms, REGION, ROOT_CREDENTIALS, rssOf, sleep } from './support.js';

export interface OverloadOptions {
  quota: number;
  /** Seconds of each stage: before (0.5×), overload (3×), after (0.5×). */
  seconds: { before: number; overload: number; after: number };
  saturateSeconds: number;
  log?: (line: string) => void;
}

export interface OverloadResult {
  quota: number;
  offeredFactor: number;
  unloadedP99Ms: number;
  admittedP99Ms: number;
  /** admittedP99Ms / unloadedP99Ms (criterion ≤ 2). */
  p99Ratio: number;
  admittedPerSecond: number;
  throttledInOverload: number;
  sent: number;
  lost: number;
  otherErrors: Record<string, number>;
  /** Seconds after the overload ended until a second with no throttling (criterion ≤ 1). */
  recoverySeconds: number;
  saturation: { seconds: number; requests: number; rssMiB: number[]; firstHalfMaxMiB: number; secondHalfMaxMiB: number; bounded: boolean };
}

const MiB = 1048576;

async function groupRssMiB(s: ServerProcess): Promise<number> {
  let sum = 0;
  for (const p of processGroupMembers(s.pid) ?? [s.pid]) sum += (await rssOf(p)) ?? 0;
  return Math.round((sum / MiB) * 10) / 10;
}

async function encryptTemplate(url: string, keyId: string) {
  const body = JSON.stringify({ KeyId: keyId, Plaintext: Buffer.alloc(256, 7).toString('base64') });
  const s = await signJsonRequest({ endpoint: url, region: REGION, credentials: ROOT_CREDENTIALS, target: 'TrentService.Encrypt', body });
  return { operation: 'Encrypt', headers: s.headers, body, target: 'TrentService.Encrypt' };
}

export async function runOverload(o: OverloadOptions): Promise<OverloadResult> {
  const dir = tempDir('kmsbench-overload-');
  const server = await startServe({ dataDir: join(dir, 'data'), workers: 2, extraArgs: ['--quota', `symmetric=${o.quota}`] });
  let result: Omit<OverloadResult, 'saturation'>;
  try {
    const kms = new Kms(server.url);
    const keyId = (await kms.ok<{ KeyMetadata: { KeyId: string } }>('CreateKey', {})).KeyMetadata.KeyId;
    await sleep(1100); // let the bucket refill after the warm-up
    const { before, overload, after } = o.seconds;
    const run = await runRawOpenModel({
      url: server.url,
      stages: [
        { durationMs: before * 1000, rate: o.quota * 0.5 },
        { durationMs: overload * 1000, rate: o.quota * 3 },
        { durationMs: after * 1000, rate: o.quota * 0.5 },
      ],
      templates: [await encryptTemplate(server.url, keyId)],
      maxConnections: 256,
      resign: { region: REGION, credentials: ROOT_CREDENTIALS, everyMs: 120_000 },
    });
    const [s0, s1] = run.byStage;
    const unloaded = summarize(s0!.success).p99;
    const admitted = summarize(s1!.success).p99;
    const c = run.total.counts;
    const end = before + overload;
    let recovery = Infinity;
    for (const s of run.perSecond) {
      if (s.second < end) continue;
      const clean = run.perSecond.filter((x) => x.second >= s.second).every((x) => x.throttled === 0);
      if (clean) {
        recovery = s.second - end;
        break;
      }
    }
    const otherErrors = { ...run.total.errorCodes };
    delete otherErrors.ThrottlingException;
    result = {
      quota: o.quota,
      offeredFactor: 3,
      unloadedP99Ms: Math.round(unloaded * 100) / 100,
      admittedP99Ms: Math.round(admitted * 100) / 100,
      p99Ratio: Math.round((admitted / unloaded) * 100) / 100,
      admittedPerSecond: Math.round(s1!.counts.succeeded / overload),
      throttledInOverload: s1!.counts.throttled,
      sent: c.sent,
      lost: c.sent - c.completed + c.unfinished,
      otherErrors: Object.fromEntries(Object.entries(otherErrors).filter(([, n]) => n > 0)),
      recoverySeconds: recovery,
    };
    o.log?.(`overload: unloaded p99 ${result.unloadedP99Ms} ms, admitted p99 at 3× ${result.admittedP99Ms} ms (×${result.p99Ratio}), admitted ${result.admittedPerSecond}/s of ${o.quota}/s`);
  } finally {
    await server.destroy();
  }
  return { ...result, saturation: await saturate(o.saturateSeconds, o.log) };
}

/** Quotas off: 64 concurrent Encrypt lanes for `seconds`, RSS sampled every second. */
async function saturate(seconds: number, log?: (l: string) => void): Promise<OverloadResult['saturation']> {
  const server = await startServe({ dataDir: join(tempDir('kmsbench-saturate-'), 'data'), workers: 2, extraArgs: ['--no-quotas'] });
  try {
    const kms = new Kms(server.url);
    const keyId = (await kms.ok<{ KeyMetadata: { KeyId: string } }>('CreateKey', {})).KeyMetadata.KeyId;
    const body = { KeyId: keyId, Plaintext: Buffer.alloc(1024, 3).toString('base64') };
    const stopAt = Date.now() + seconds * 1000;
    let requests = 0;
    const lanes = Array.from({ length: 64 }, async () => {
      while (Date.now() < stopAt) {
        await kms.attempt('Encrypt', body);
        requests++;
      }
    });
    const rss: number[] = [];
    while (Date.now() < stopAt) {
      await sleep(1000);
      rss.push(await groupRssMiB(server));
    }
    await Promise.all(lanes);
    const half = Math.floor(rss.length / 2);
    const first = Math.max(...rss.slice(0, Math.max(1, half)));
    const second = Math.max(...rss.slice(half));
    const bounded = second <= first * 1.25 + 32;
    log?.(`saturation (quotas off): ${requests} requests in ${seconds} s, RSS ${rss[0]} → ${rss.at(-1)} MiB (max first half ${first}, second half ${second})`);
    return { seconds, requests, rssMiB: rss, firstHalfMaxMiB: first, secondHalfMaxMiB: second, bounded };
  } finally {
    await server.destroy();
  }
}
