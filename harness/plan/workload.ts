/**
 * The workload file of `kmsbench plan` (and `kmsbench export-k6 --suite workload`): a YAML (or
 * JSON) description of the services that call KMS, their message rates, peak factor, data-key
 * caching, Region, keys and asymmetric use. (A request mix, harness/load/request-mix.ts, is the
 * other kind of file in suites/workloads/: requests as the load generator sends them.)
 *
 * One zod schema is the single source of truth: it validates (with every problem listed and its
 * path), fills defaults, and is published as JSON Schema (`workloadJsonSchema`, written to
 * suites/workloads/workload.schema.json by `npm run schemas`; a test keeps that file in sync).
 *
 * Semantics that the schema alone cannot say (checked in `superRefine`):
 * - every `services[].key` (and `calls[].key`) names a `keys[].name`;
 * - the key spec fits the use: data keys and direct Encrypt need SYMMETRIC_DEFAULT (direct Encrypt
 *   also RSA_* / SM2), Sign/Verify an RSA, ECC, SM2 or ML-DSA key, MACs an HMAC key;
 * - AWS managed keys are symmetric and are not rotated by you; automatic rotation only for
 *   customer managed SYMMETRIC_DEFAULT keys (facts sheet: asymmetric/HMAC keys cannot rotate);
 * - direct Encrypt carries at most 4,096 bytes and has nothing to cache;
 * - `decrypt.pattern: follow` needs a data-key producing `encrypt` in the same service.
 *
 * @module
 */
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { OPERATION_NAMES, type OperationName } from '../../common/model/model.js';
import { PROFILE_NAMES } from '../../common/quota/profiles.js';
import { DataKeyPairSpecSchema, KeySpecSchema } from '../../common/model/schemas.js';

/** ESDK defaults for the data-key cache bounds (CachingCMM: 2^32 messages, 2^63 − 1 bytes). */
export const ESDK_DEFAULT_MAX_MESSAGES = 2 ** 32;
export const ESDK_DEFAULT_MAX_BYTES = Number.MAX_SAFE_INTEGER; // 2^63 − 1 does not fit a double exactly; any larger bound is the same here

/** Largest plaintext KMS Encrypt accepts (facts sheet). */
export const MAX_ENCRYPT_PLAINTEXT = 4096;

const UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3,
  kib: 1024,
  mb: 1e6,
  mib: 1024 ** 2,
  gb: 1e9,
  gib: 1024 ** 3,
  tb: 1e12,
  tib: 1024 ** 4,
};

/** A byte count: a number, or a string such as `4 KiB`, `1.5 MB`, `1GiB`. */
const Bytes = z
  .union([
    z.number().int().positive(),
    z.string().regex(/^\s*\d+(?:\.\d+)?\s*(?:B|KB|KiB|MB|MiB|GB|GiB|TB|TiB)\s*$/i, 'a byte count such as 4096, "4 KiB" or "1.5 MB"'),
  ])
  .transform((v, ctx) => {
    if (typeof v === 'number') return v;
    const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]+)\s*$/i.exec(v)!;
    const n = Math.round(Number(m[1]) * UNITS[m[2]!.toLowerCase()]!);
    if (!(n >= 1)) {
      ctx.addIssue({ code: 'custom', message: 'must be at least 1 byte' });
      return z.NEVER;
    }
    return n;
  })
  .describe('bytes: a positive integer or a string with a unit (B, KB, KiB, MB, MiB, GB, GiB, TB, TiB)');

const Rate = z.number().finite().nonnegative().describe('requests or messages per second (average, before the peak factor)');
const Name = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, ".", "_" or "-", at most 64')
  .describe('identifier');
const RegionSchema = z
  .string()
  .regex(/^[a-z]{2}(?:-[a-z]+)+-\d+$/, 'an AWS Region code such as us-east-1')
  .describe('AWS Region code');

export const CacheSchema = z
  .strictObject({
    maxAgeSeconds: z.number().finite().positive().max(31_536_000).describe('how long one data key may be reused (ESDK maxAge)'),
    maxMessages: z
      .number()
      .int()
      .positive()
      .max(ESDK_DEFAULT_MAX_MESSAGES)
      .optional()
      .describe(`messages one data key may protect (ESDK maxMessagesEncrypted; default 2^32)`),
    maxBytes: Bytes.optional().describe('plaintext bytes one data key may protect (ESDK maxBytesEncrypted; default 2^63 − 1)'),
  })
  .describe('Data-key cache bounds (AWS Encryption SDK caching CMM). Each instance has its own cache, partitioned by KMS key and encryption context.');
export type CacheBounds = z.output<typeof CacheSchema>;

const EncryptSchema = z
  .strictObject({
    messagesPerSecond: Rate.describe('messages (objects, records) encrypted per second, average'),
    messageBytes: Bytes.default(4096).describe('plaintext size of one message'),
    operation: z
      .enum(['GenerateDataKey', 'GenerateDataKeyWithoutPlaintext', 'Encrypt'])
      .default('GenerateDataKey')
      .describe('envelope encryption (one data key per message unless cached) or direct Encrypt (≤ 4 KiB, one call per message)'),
    contexts: z
      .number()
      .int()
      .positive()
      .default(1)
      .describe('distinct encryption contexts in use at a time; the cache is partitioned by context'),
    cache: CacheSchema.optional().describe('data-key cache; omit for one data key per message'),
  })
  .describe('Writes.');

const DecryptSchema = z
  .strictObject({
    messagesPerSecond: Rate.describe('messages decrypted per second, average'),
    pattern: z
      .enum(['random', 'follow'])
      .default('random')
      .describe(
        'random: reads of stored objects, each names a data key this reader has not seen recently → one Decrypt per read. follow: consumers read messages shortly after they are written (queues, streams), so reads of one data key cluster and a decrypt-side cache can reuse it',
      ),
    instances: z.number().int().positive().optional().describe('reader processes (each with its own cache); default: the service instances'),
    cache: CacheSchema.optional().describe('decrypt-side cache (pattern follow only)'),
  })
  .describe('Reads.');

const VerifySchema = z
  .strictObject({
    perSecond: Rate,
    local: z
      .strictObject({
        publicKeyTtlSeconds: z.number().finite().positive().describe('how long each instance keeps a downloaded public key'),
      })
      .optional()
      .describe('verify outside KMS with the public key: GetPublicKey once per instance, key and TTL instead of Verify per signature'),
  })
  .describe('Signature verifications.');

const CallSchema = z
  .strictObject({
    operation: z.enum(OPERATION_NAMES as [OperationName, ...OperationName[]]).describe('any KMS operation, e.g. DescribeKey'),
    perSecond: Rate,
    key: Name.optional().describe("key group the call names (default: the service's key)"),
    scaleWithPeak: z.boolean().default(true).describe('multiply by the peak factor at peak (false for e.g. start-up calls)'),
  })
  .describe('Other calls, e.g. DescribeKey per request or per start.');

export const ServiceSchema = z
  .strictObject({
    name: Name,
    description: z.string().max(1000).optional(),
    key: Name.describe('the key group (keys[].name) this service uses; its traffic is spread evenly over the group'),
    instances: z.number().int().positive().default(1).describe('processes, each with its own data-key cache'),
    peakFactor: z.number().finite().min(1).optional().describe('this service only; default: the workload peakFactor'),
    integration: z
      .enum(['sdk', 's3'])
      .default('sdk')
      .describe('sdk: your code calls KMS (cache bounds are yours to set). s3: S3 SSE-KMS calls KMS for you: GenerateDataKey per PUT, Decrypt per GET'),
    s3BucketKey: z.boolean().default(false).describe('integration s3: S3 Bucket Keys enabled (the reuse period is not published: not modelled)'),
    encrypt: EncryptSchema.optional(),
    decrypt: DecryptSchema.optional(),
    sign: z.strictObject({ perSecond: Rate }).optional().describe('Sign calls'),
    verify: VerifySchema.optional(),
    generateMac: z.strictObject({ perSecond: Rate }).optional(),
    verifyMac: z.strictObject({ perSecond: Rate }).optional(),
    dataKeyPairs: z
      .strictObject({
        perSecond: Rate,
        spec: DataKeyPairSpecSchema.describe('KeyPairSpec'),
        withoutPlaintext: z.boolean().default(false),
      })
      .optional()
      .describe('GenerateDataKeyPair(WithoutPlaintext) calls'),
    calls: z.array(CallSchema).default([]),
  })
  .describe('One service (or producer/consumer pair) and the KMS calls it makes.');

export const KeyGroupSchema = z
  .strictObject({
    name: Name,
    description: z.string().max(1000).optional(),
    spec: KeySpecSchema.default('SYMMETRIC_DEFAULT').describe('KeySpec'),
    count: z.number().int().positive().max(1_000_000).default(1).describe('keys in this group (e.g. one per tenant)'),
    managedBy: z.enum(['customer', 'aws']).default('customer').describe('aws: AWS managed key (aws/<service>), no monthly fee'),
    rotation: z
      .strictObject({
        automatic: z.boolean().default(false),
        periodDays: z.number().int().min(90).max(2560).default(365),
        onDemandRotations: z.number().int().min(0).max(25).default(0).describe('RotateKeyOnDemand done so far, per key'),
      })
      .optional(),
    ageDays: z.number().finite().nonnegative().default(0).describe('age of the keys, for the rotation charges (0 = new)'),
    multiRegionReplicas: z.number().int().nonnegative().default(0).describe('replica keys in other Regions, billed $1/month each'),
    customKeyStore: z
      .strictObject({
        type: z.enum(['AWS_CLOUDHSM', 'EXTERNAL_KEY_STORE']),
        id: z.string().min(1).max(64).describe('custom key store id; keys sharing it share its 1,800/s quota'),
      })
      .optional(),
  })
  .describe('A group of KMS keys of one kind.');

export const WorkloadSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: Name,
    description: z.string().max(4000).optional(),
    region: RegionSchema,
    quotaProfile: z
      .enum(PROFILE_NAMES as [string, ...string[]])
      .default('current')
      .describe('quota era (reference-impl/quota/profiles.ts)'),
    quotaOverrides: z
      .array(z.string())
      .default([])
      .describe('CLASS=RATE: quota increases already granted, e.g. "symmetric=50000"'),
    peakFactor: z.number().finite().min(1).default(1).describe('peak rate / average rate (quotas are checked at peak)'),
    targetUtilization: z.number().finite().gt(0).max(1).default(0.8).describe('share of a quota you are willing to use at peak'),
    freeTier: z.boolean().default(true).describe('subtract the 20,000 free symmetric requests a month'),
    keys: z.array(KeyGroupSchema).min(1),
    services: z.array(ServiceSchema).min(1),
  })
  .superRefine((w, ctx) => {
    const keys = new Map(w.keys.map((k) => [k.name, k]));
    const dup = (names: string[], path: string) => {
      const seen = new Set<string>();
      names.forEach((n, i) => {
        if (seen.has(n)) ctx.addIssue({ code: 'custom', path: [path, i, 'name'], message: `duplicate name ${JSON.stringify(n)}` });
        seen.add(n);
      });
    };
    dup(
      w.keys.map((k) => k.name),
      'keys',
    );
    dup(
      w.services.map((s) => s.name),
      'services',
    );
    w.keys.forEach((k, i) => {
      if (k.managedBy === 'aws' && k.spec !== 'SYMMETRIC_DEFAULT')
        ctx.addIssue({ code: 'custom', path: ['keys', i, 'spec'], message: 'AWS managed keys are SYMMETRIC_DEFAULT' });
      if (k.managedBy === 'aws' && k.rotation)
        ctx.addIssue({ code: 'custom', path: ['keys', i, 'rotation'], message: 'AWS rotates AWS managed keys itself (free); drop rotation' });
      if (k.rotation && (k.rotation.automatic || k.rotation.onDemandRotations > 0) && k.spec !== 'SYMMETRIC_DEFAULT')
        ctx.addIssue({ code: 'custom', path: ['keys', i, 'rotation'], message: `${k.spec} keys cannot be rotated (only SYMMETRIC_DEFAULT keys)` });
      if (k.customKeyStore && k.spec !== 'SYMMETRIC_DEFAULT')
        ctx.addIssue({ code: 'custom', path: ['keys', i, 'customKeyStore'], message: 'keys in custom key stores are SYMMETRIC_DEFAULT' });
    });
    w.services.forEach((s, i) => {
      const key = keys.get(s.key);
      if (!key) {
        ctx.addIssue({ code: 'custom', path: ['services', i, 'key'], message: `no key group named ${JSON.stringify(s.key)} (keys: ${[...keys.keys()].join(', ')})` });
        return;
      }
      const family = keyFamily(key.spec);
      const need = (cond: boolean, field: string, message: string) => {
        if (!cond) ctx.addIssue({ code: 'custom', path: ['services', i, field], message });
      };
      if (s.encrypt) {
        const op = s.encrypt.operation;
        if (op === 'Encrypt') {
          need(key.spec === 'SYMMETRIC_DEFAULT' || key.spec.startsWith('RSA_') || key.spec === 'SM2', 'encrypt', `Encrypt needs a SYMMETRIC_DEFAULT, RSA or SM2 key, not ${key.spec}`);
          need(s.encrypt.messageBytes <= MAX_ENCRYPT_PLAINTEXT, 'encrypt', `direct Encrypt takes at most ${MAX_ENCRYPT_PLAINTEXT} bytes; use GenerateDataKey (envelope encryption) for larger messages`);
          need(!s.encrypt.cache, 'encrypt', 'direct Encrypt has no data key to cache; use GenerateDataKey to cache');
        } else need(key.spec === 'SYMMETRIC_DEFAULT', 'encrypt', `${op} needs a SYMMETRIC_DEFAULT key, not ${key.spec}`);
      }
      if (s.decrypt) {
        need(key.spec === 'SYMMETRIC_DEFAULT' || key.spec.startsWith('RSA_') || key.spec === 'SM2', 'decrypt', `Decrypt needs a SYMMETRIC_DEFAULT, RSA or SM2 key, not ${key.spec}`);
        if (s.decrypt.pattern === 'follow')
          need(!!s.encrypt && s.encrypt.operation !== 'Encrypt', 'decrypt', 'pattern follow reads the data keys of this service\'s encrypt (GenerateDataKey*)');
        if (s.decrypt.cache) need(s.decrypt.pattern === 'follow', 'decrypt', 'a decrypt-side cache is modelled only for pattern follow');
      }
      if (s.sign || s.verify) need(family === 'rsa' || family === 'ecc' || family === 'ml-dsa', s.sign ? 'sign' : 'verify', `Sign/Verify need an RSA, ECC, SM2 or ML-DSA key, not ${key.spec}`);
      if (s.generateMac || s.verifyMac) need(key.spec.startsWith('HMAC_'), s.generateMac ? 'generateMac' : 'verifyMac', `MACs need an HMAC key, not ${key.spec}`);
      if (s.dataKeyPairs) need(key.spec === 'SYMMETRIC_DEFAULT', 'dataKeyPairs', `GenerateDataKeyPair needs a SYMMETRIC_DEFAULT key, not ${key.spec}`);
      if (s.integration === 's3') {
        need(key.spec === 'SYMMETRIC_DEFAULT', 'key', 'S3 SSE-KMS uses SYMMETRIC_DEFAULT keys');
        need(!s.encrypt?.cache && !s.decrypt?.cache, 'integration', 'S3 calls KMS for you: there is no cache to configure (see s3BucketKey)');
      }
      s.calls.forEach((c, j) => {
        if (c.key !== undefined && !keys.has(c.key))
          ctx.addIssue({ code: 'custom', path: ['services', i, 'calls', j, 'key'], message: `no key group named ${JSON.stringify(c.key)}` });
      });
    });
    const customerKeys = w.keys.filter((k) => k.managedBy === 'customer').reduce((n, k) => n + k.count, 0);
    if (customerKeys > 100_000)
      ctx.addIssue({ code: 'custom', path: ['keys'], message: `${customerKeys} customer keys: over the 100,000 customer keys per account and Region resource quota (facts sheet)` });
  });

export type Workload = z.output<typeof WorkloadSchema>;
export type WorkloadInput = z.input<typeof WorkloadSchema>;
export type Service = Workload['services'][number];
export type KeyGroup = Workload['keys'][number];

/** Which family of cryptographic quota a KeySpec belongs to (mirrors classes.ts' grouping). */
export function keyFamily(spec: string): 'symmetric' | 'rsa' | 'ecc' | 'ml-dsa' {
  if (spec === 'SYMMETRIC_DEFAULT' || spec.startsWith('HMAC_')) return 'symmetric';
  if (spec.startsWith('RSA_')) return 'rsa';
  if (spec.startsWith('ML_DSA_')) return 'ml-dsa';
  return 'ecc';
}

/** JSON Schema (draft 2020-12) of the workload file, as written (input side: defaults optional). */
export const workloadJsonSchema = {
  ...z.toJSONSchema(WorkloadSchema, { io: 'input', unrepresentable: 'any' }),
  $id: 'https://kmsbench.invalid/workload.schema.json',
  title: 'kmsbench capacity-planning workload',
};

/** Thrown for an unreadable or invalid workload file (the CLI prints the message, exit 2). */
export class WorkloadError extends Error {
  override readonly name = 'WorkloadError';
}

/** Validates a parsed workload object. */
export function parseWorkload(input: unknown, source = 'workload'): Workload {
  const r = WorkloadSchema.safeParse(input);
  if (!r.success) {
    const isMix = typeof input === 'object' && input !== null && 'mix' in input && !('services' in input);
    const hint = isMix ? '\n(this is a request mix: run it with `kmsbench load --suite mixed --workload FILE`)' : '';
    throw new WorkloadError(`${source}: invalid workload:\n${z.prettifyError(r.error)}${hint}`);
  }
  return r.data;
}

/** Parses YAML (or JSON, which is YAML) text; errors carry line and column. */
export function parseWorkloadText(text: string, source = 'workload'): Workload {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) throw new WorkloadError(`${source}: not valid YAML:\n${doc.errors.map((e) => e.message).join('\n')}`);
  return parseWorkload(doc.toJS({ maxAliasCount: 100 }), source);
}
