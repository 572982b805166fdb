/**
 * Envelope encryption of a message stream, with or without a data-key cache.
 *
 * Each message is encrypted locally (AES-256-GCM) under a data key from GenerateDataKey; only
 * the encrypted data key is kept with the message. Without a cache every message costs one KMS
 * call. With one, a data key is reused — as the AWS Encryption SDK's caching materials manager
 * does — while the entry is younger than `maxAgeMs`, has encrypted fewer than `maxMessages`
 * messages and no more than `maxBytes` bytes (this message included); one entry per encryption
 * context, at most `capacity` entries (least recently used evicted). Concurrent misses are not
 * coalesced (neither does the Encryption SDK).
 *
 * @module
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Credentials } from '../client/sign.js';
import type { RawRun } from './recorder.js';
import { sdkCall, sdkClient, type RetrySpec } from './sdk.js';
import { runTaskOpenModel, type TaskPlan } from './task-loop.js';
import type { DataKeyCache } from '../results/load-results.js';

interface Entry {
  plaintextKey: Buffer;
  encryptedKey: Uint8Array;
  createdAt: number;
  messages: number;
  bytes: number;
}

export class DataKeyCacheStore {
  private readonly entries = new Map<string, Entry>();

  constructor(readonly config: DataKeyCache) {}

  /** A usable entry for one more message of `bytes`, counted as used; undefined on a miss. */
  take(partition: string, bytes: number, now: number): Entry | undefined {
    const e = this.entries.get(partition);
    if (!e) return undefined;
    const c = this.config;
    const fresh = now - e.createdAt < c.maxAgeMs;
    const messagesLeft = c.maxMessages === undefined || e.messages < c.maxMessages;
    const bytesLeft = c.maxBytes === undefined || e.bytes + bytes <= c.maxBytes;
    if (!fresh || !messagesLeft || !bytesLeft) {
      this.entries.delete(partition);
      return undefined;
    }
    e.messages++;
    e.bytes += bytes;
    // Least recently used goes first: re-insert at the end.
    this.entries.delete(partition);
    this.entries.set(partition, e);
    return e;
  }

  /** Stores a fresh data key that has just encrypted one message of `bytes`. */
  put(partition: string, plaintextKey: Buffer, encryptedKey: Uint8Array, bytes: number, now: number): void {
    const c = this.config;
    const usable = (c.maxMessages === undefined || c.maxMessages > 1) && (c.maxBytes === undefined || bytes < c.maxBytes);
    if (!usable) return;
    this.entries.delete(partition);
    this.entries.set(partition, { plaintextKey, encryptedKey, createdAt: now, messages: 1, bytes });
    while (this.entries.size > c.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}

export interface SealedMessage {
  encryptedDataKey: Uint8Array;
  context: Record<string, string>;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

const aad = (context: Record<string, string>) => Buffer.from(JSON.stringify(Object.entries(context).sort(([a], [b]) => (a < b ? -1 : 1))));

export function sealMessage(dataKey: Buffer, encryptedDataKey: Uint8Array, context: Record<string, string>, message: Buffer): SealedMessage {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', dataKey, iv);
  c.setAAD(aad(context));
  const ciphertext = Buffer.concat([c.update(message), c.final()]);
  return { encryptedDataKey, context, iv, ciphertext, tag: c.getAuthTag() };
}

export function openMessage(dataKey: Buffer, m: SealedMessage): Buffer {
  const d = createDecipheriv('aes-256-gcm', dataKey, m.iv);
  d.setAAD(aad(m.context));
  d.setAuthTag(m.tag);
  return Buffer.concat([d.update(m.ciphertext), d.final()]);
}

export interface EnvelopePlan extends Omit<TaskPlan, 'operations' | 'weights'> {
  url: string;
  region: string;
  credentials: Credentials;
  retry: RetrySpec;
  keyId: string;
  messageBytes: number;
  /** Distinct encryption contexts, used in turn (cache partitions). */
  contexts: number;
  cache: DataKeyCache | null;
  maxSockets?: number;
}

/**
 * Runs the stream; `extra` holds `kmsCalls`, `kmsThrottled`, `kmsErrors`, `cacheHits`,
 * `cacheMisses`, `bytesEncrypted` and `roundTripVerified` (1 when a sample message was decrypted
 * back through KMS Decrypt and matched, 0 when that failed; absent when nothing succeeded).
 */
export async function runEnvelopeOpenModel(plan: EnvelopePlan): Promise<RawRun> {
  const client = sdkClient({ url: plan.url, region: plan.region, credentials: plan.credentials, retry: plan.retry, maxSockets: plan.maxSockets, seed: plan.seed });
  const cache = plan.cache ? new DataKeyCacheStore(plan.cache) : undefined;
  const message = randomBytes(plan.messageBytes);
  const contexts = Array.from({ length: plan.contexts }, (_, i) => ({ purpose: 'kmsbench-envelope', tenant: `tenant-${i}` }));
  let n = plan.share?.index ?? 0;
  let sample: SealedMessage | undefined;
  try {
    const run = await runTaskOpenModel({ ...plan, operations: ['EncryptMessage'] }, async (_op, rec, measured) => {
      const count = (name: string, n = 1) => {
        if (measured) rec.add(name, n);
      };
      const ci = n++ % contexts.length;
      const context = contexts[ci]!;
      const partition = String(ci);
      const hit = cache?.take(partition, plan.messageBytes, performance.now());
      if (hit) {
        count('cacheHits');
        count('bytesEncrypted', plan.messageBytes);
        sealMessage(hit.plaintextKey, hit.encryptedKey, context, message);
        return { outcome: 'ok' };
      }
      count('cacheMisses');
      count('kmsCalls');
      const r = await sdkCall(client, 'GenerateDataKey', { KeyId: plan.keyId, KeySpec: 'AES_256', EncryptionContext: context });
      if (r.outcome !== 'ok') {
        count(r.outcome === 'throttled' ? 'kmsThrottled' : 'kmsErrors');
        return r;
      }
      const out = r.output as { Plaintext: Uint8Array; CiphertextBlob: Uint8Array };
      const dataKey = Buffer.from(out.Plaintext);
      const sealed = sealMessage(dataKey, out.CiphertextBlob, context, message);
      sample ??= sealed;
      cache?.put(partition, dataKey, out.CiphertextBlob, plan.messageBytes, performance.now());
      count('bytesEncrypted', plan.messageBytes);
      return r;
    });
    if (sample) {
      // Prove the envelope: decrypt the data key through KMS, then the message locally.
      const checker = sdkClient({ url: plan.url, region: plan.region, credentials: plan.credentials, retry: { mode: 'standard', maxAttempts: 8 } });
      const d = await sdkCall(checker, 'Decrypt', { CiphertextBlob: sample.encryptedDataKey, EncryptionContext: sample.context }).finally(() => checker.destroy());
      let ok = 0;
      try {
        if (d.outcome === 'ok') ok = openMessage(Buffer.from((d.output as { Plaintext: Uint8Array }).Plaintext), sample).equals(message) ? 1 : 0;
      } catch {
        ok = 0;
      }
      run.extra.roundTripVerified = ok;
      run.extra.roundTripChecks = 1;
    }
    return run;
  } finally {
    client.destroy();
  }
}
