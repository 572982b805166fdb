/**
 * Workload → KMS request streams: one stream per (service, operation, key group), with its
 * request rate at average load and at peak, and the quota route of every request
 * (`quotaRouteFor` of reference-impl/quota — the same routing the reference server applies).
 *
 * Caching is non-linear: the hit ratio rises with the message rate, so the peak KMS rate is
 * computed from the peak message rate (never average KMS rate × peak factor).
 *
 * @module
 */
import type { OperationName } from '../../common/model/model.js';
import { quotaRouteFor, type KeyInfo, type QuotaClassId, type QuotaRoute } from '../../common/quota/classes.js';
import { encryptCache, followDecrypt } from './cache.js';
import type { CacheBounds, KeyGroup, Service, Workload } from './workload.js';

/** Why a stream exists and what drives its rate (for the table and the solver). */
export type StreamKind =
  | 'encrypt-data-key' // GenerateDataKey(WithoutPlaintext) per message unless cached
  | 'encrypt-direct' // Encrypt per message
  | 'decrypt-random'
  | 'decrypt-follow'
  | 'sign'
  | 'verify'
  | 'public-key' // GetPublicKey for local verification
  | 'mac'
  | 'data-key-pair'
  | 'call';

export interface Stream {
  /** `service/operation/key`. */
  id: string;
  service: string;
  operation: OperationName;
  kind: StreamKind;
  key?: string;
  keySpec?: string;
  keyPairSpec?: string;
  customKeyStore?: { type: 'AWS_CLOUDHSM' | 'EXTERNAL_KEY_STORE'; id: string };
  route: QuotaRoute;
  /** Requests per second at average load. */
  average: number;
  /** Requests per second at peak. */
  peak: number;
  /** Messages per second behind the stream (cached kinds), average and peak. */
  messages?: { average: number; peak: number };
  /** Cache hit ratio at average and at peak (cached kinds). */
  hitRatio?: { average: number; peak: number };
  /** Messages per data key at peak (encrypt-data-key). */
  messagesPerDataKey?: number;
  /** The cache bounds in force (encrypt side or decrypt side). */
  cache?: CacheBounds;
}

/** Cache bounds to use instead of the workload's (what-ifs; the solver). */
export interface CacheOverride {
  encrypt?: CacheBounds;
  decrypt?: CacheBounds;
}

interface Part {
  operation: OperationName;
  kind: StreamKind;
  key?: KeyGroup;
  keyPairSpec?: string;
  rate: number;
  messages?: number;
  hitRatio?: number;
  messagesPerDataKey?: number;
  cache?: CacheBounds;
}

function keyInfoFor(key: KeyGroup | undefined, keyPairSpec?: string): KeyInfo {
  return {
    ...(key ? { keySpec: key.spec } : {}),
    ...(key?.customKeyStore ? { customKeyStoreType: key.customKeyStore.type } : {}),
    ...(keyPairSpec ? { keyPairSpec } : {}),
  };
}

const OPERATIONS_WITHOUT_KEY = new Set<string>(['GenerateRandom', 'ListKeys', 'ListAliases', 'CreateKey', 'DescribeCustomKeyStores', 'CreateCustomKeyStore', 'ListRetirableGrants']);

/** The KMS calls of one service at load multiplier `m` (1 = average, peakFactor = peak). */
export function serviceParts(service: Service, keys: ReadonlyMap<string, KeyGroup>, m: number, override: CacheOverride = {}): Part[] {
  const key = keys.get(service.key)!;
  const parts: Part[] = [];
  const enc = service.encrypt;
  let writer: { dataKeys: number; messagesPerDataKey: number; ratePerPartition: number; bytes: number } | undefined;
  if (enc) {
    const messages = enc.messagesPerSecond * m;
    if (enc.operation === 'Encrypt') parts.push({ operation: 'Encrypt', kind: 'encrypt-direct', key, rate: messages, messages });
    else {
      const cache = override.encrypt ?? enc.cache;
      const r = encryptCache(messages, service.instances * key.count * enc.contexts, enc.messageBytes, cache);
      writer = { dataKeys: r.callsPerSecond, messagesPerDataKey: r.messagesPerDataKey, ratePerPartition: r.ratePerPartition, bytes: enc.messageBytes };
      parts.push({
        operation: enc.operation,
        kind: 'encrypt-data-key',
        key,
        rate: r.callsPerSecond,
        messages,
        hitRatio: r.hitRatio,
        messagesPerDataKey: r.messagesPerDataKey,
        ...(cache ? { cache } : {}),
      });
    }
  }
  const dec = service.decrypt;
  if (dec) {
    const reads = dec.messagesPerSecond * m;
    if (dec.pattern === 'follow' && writer) {
      const cache = override.decrypt ?? dec.cache;
      const r = followDecrypt({
        readsPerSecond: reads,
        dataKeysPerSecond: writer.dataKeys,
        messagesPerDataKey: writer.messagesPerDataKey,
        writerRatePerPartition: writer.ratePerPartition,
        readers: dec.instances ?? service.instances,
        messageBytes: writer.bytes,
        cache,
      });
      parts.push({ operation: 'Decrypt', kind: 'decrypt-follow', key, rate: r.callsPerSecond, messages: reads, hitRatio: r.hitRatio, ...(cache ? { cache } : {}) });
    } else parts.push({ operation: 'Decrypt', kind: 'decrypt-random', key, rate: reads, messages: reads, hitRatio: 0 });
  }
  if (service.sign) parts.push({ operation: 'Sign', kind: 'sign', key, rate: service.sign.perSecond * m });
  if (service.verify) {
    if (service.verify.local)
      parts.push({ operation: 'GetPublicKey', kind: 'public-key', key, rate: (service.instances * key.count) / service.verify.local.publicKeyTtlSeconds });
    else parts.push({ operation: 'Verify', kind: 'verify', key, rate: service.verify.perSecond * m });
  }
  if (service.generateMac) parts.push({ operation: 'GenerateMac', kind: 'mac', key, rate: service.generateMac.perSecond * m });
  if (service.verifyMac) parts.push({ operation: 'VerifyMac', kind: 'mac', key, rate: service.verifyMac.perSecond * m });
  if (service.dataKeyPairs) {
    const p = service.dataKeyPairs;
    parts.push({
      operation: p.withoutPlaintext ? 'GenerateDataKeyPairWithoutPlaintext' : 'GenerateDataKeyPair',
      kind: 'data-key-pair',
      key,
      keyPairSpec: p.spec,
      rate: p.perSecond * m,
    });
  }
  for (const c of service.calls) {
    const callKey = OPERATIONS_WITHOUT_KEY.has(c.operation) && c.key === undefined ? undefined : keys.get(c.key ?? service.key);
    parts.push({ operation: c.operation, kind: 'call', ...(callKey ? { key: callKey } : {}), rate: c.perSecond * (c.scaleWithPeak ? m : 1) });
  }
  return parts;
}

/** Peak factor of a service. */
export const peakOf = (w: Workload, s: Service): number => s.peakFactor ?? w.peakFactor;

/** Every stream of the workload, average and peak. `overrides`: per service name. */
export function workloadStreams(w: Workload, overrides: ReadonlyMap<string, CacheOverride> = new Map()): Stream[] {
  const keys = new Map(w.keys.map((k) => [k.name, k]));
  const out: Stream[] = [];
  for (const s of w.services) {
    const o = overrides.get(s.name);
    const avg = serviceParts(s, keys, 1, o);
    const peak = serviceParts(s, keys, peakOf(w, s), o);
    avg.forEach((a, i) => {
      const p = peak[i]!;
      const route = quotaRouteFor(a.operation, keyInfoFor(a.key, a.keyPairSpec));
      out.push({
        id: `${s.name}/${a.operation}${a.key ? `/${a.key.name}` : ''}`,
        service: s.name,
        operation: a.operation,
        kind: a.kind,
        ...(a.key ? { key: a.key.name, keySpec: a.key.spec } : {}),
        ...(a.keyPairSpec ? { keyPairSpec: a.keyPairSpec } : {}),
        ...(a.key?.customKeyStore ? { customKeyStore: a.key.customKeyStore } : {}),
        route,
        average: a.rate,
        peak: p.rate,
        ...(a.messages !== undefined ? { messages: { average: a.messages, peak: p.messages! } } : {}),
        ...(a.hitRatio !== undefined ? { hitRatio: { average: a.hitRatio, peak: p.hitRatio! } } : {}),
        ...(p.messagesPerDataKey !== undefined ? { messagesPerDataKey: p.messagesPerDataKey } : {}),
        ...(a.cache ? { cache: a.cache } : {}),
      });
    });
  }
  return out;
}

/** A quota bucket a stream draws from: the account class, or one custom key store's class. */
export interface ClassKey {
  cls: QuotaClassId;
  /** Custom key store id for the per-store classes. */
  keyStoreId?: string;
}

export const classKeyId = (k: ClassKey): string => (k.keyStoreId ? `${k.cls}:${k.keyStoreId}` : k.cls);

/** The buckets one request of `s` is charged to, with the tokens each. */
export function chargesOf(s: Stream): { key: ClassKey; cost: number }[] {
  const out: { key: ClassKey; cost: number }[] = [{ key: { cls: s.route.cls }, cost: s.route.cost }];
  if (s.route.keyStoreCls && s.customKeyStore) out.push({ key: { cls: s.route.keyStoreCls, keyStoreId: s.customKeyStore.id }, cost: 1 });
  return out;
}
