/**
 * What one endpoint made while running one sequence (keys, ciphertexts, grants, aliases), and
 * how a step's symbolic input becomes that endpoint's concrete request. Pure: no I/O.
 *
 * @module
 */
import { isSym, type Step, type Sym, type SymJson } from './steps.js';

export interface KeyRecord {
  id: string;
  arn: string;
}

export interface CiphertextRecord {
  /** Base64, as the endpoint sent it. */
  blob: string;
  context?: Record<string, string>;
  /** Base64 plaintext, when known (what was encrypted, or the data key the endpoint returned). */
  plaintext?: string;
}

export interface GrantRecord {
  id: string;
  token?: string;
}

export interface Session {
  /** Unique per sequence run and shared by both endpoints (alias names, descriptions). */
  prefix: string;
  region: string;
  partition: string;
  /** The endpoint's account (learnt before the run). */
  account: string;
  keys: KeyRecord[];
  ciphertexts: CiphertextRecord[];
  grants: GrantRecord[];
  /** Alias names this sequence tried to create (for cleanup). */
  aliases: Set<string>;
}

export function newSession(prefix: string, account: string, region = 'us-east-1'): Session {
  return { prefix, region, partition: partitionOf(region), account, keys: [], ciphertexts: [], grants: [], aliases: new Set() };
}

export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** A well-formed key id that names no key. */
export const ABSENT_KEY_ID = '0f0e0d0c-0b0a-4909-8807-060504030201';
/** What a ciphertext reference means before any ciphertext was made. */
export const GARBAGE_CIPHERTEXT = Buffer.alloc(64, 7).toString('base64');
const ABSENT_GRANT_ID = '0'.repeat(64);
const OTHER_ACCOUNT = '999999999999';

export const aliasNameOf = (s: Session, i: number): string => `alias/${s.prefix}-${i}`;

function pick<T>(list: T[], i: number): T | undefined {
  return list.length ? list[i % list.length] : undefined;
}

/** `n` bytes that depend only on `n` and `fill`, as base64. */
export function bytes(n: number, fill: number): string {
  const b = Buffer.alloc(Math.max(0, n));
  for (let j = 0; j < b.length; j++) b[j] = (fill * 31 + j * 7 + 1) & 0xff;
  return b.toString('base64');
}

export function policyDocument(kind: 'root' | 'lockout' | 'malformed', s: Session): string {
  if (kind === 'malformed') return '{"Version": "2012-10-17", "Statement": [';
  const account = kind === 'root' ? s.account : OTHER_ACCOUNT;
  return JSON.stringify({
    Version: '2012-10-17',
    Id: 'kmsbench-diff',
    Statement: [
      { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:${s.partition}:iam::${account}:root` }, Action: 'kms:*', Resource: '*' },
    ],
  });
}

function resolveSym(sym: Sym, s: Session): unknown {
  if ('$key' in sym) {
    const k = pick(s.keys, sym.$key);
    if (!k) return ABSENT_KEY_ID;
    return sym.form === 'arn' ? k.arn : k.id;
  }
  if ('$absentKey' in sym) {
    if (sym.$absentKey === 'uuid') return ABSENT_KEY_ID;
    if (sym.$absentKey === 'arn') return `arn:${s.partition}:kms:${s.region}:${s.account}:key/${ABSENT_KEY_ID}`;
    return 'not a key id!';
  }
  if ('$alias' in sym) {
    const name = `${s.prefix}-${sym.$alias}`;
    switch (sym.variant) {
      case 'plain':
        return `alias/${name}`;
      case 'arn':
        return `arn:${s.partition}:kms:${s.region}:${s.account}:alias/${name}`;
      case 'no-prefix':
        return name;
      case 'reserved':
        return `alias/aws/${name}`;
      case 'max-length':
        return `alias/${name}-`.padEnd(256, 'x');
      case 'too-long':
        return `alias/${name}-`.padEnd(257, 'x');
      case 'bad-chars':
        return `alias/${name}!*`;
    }
  }
  if ('$ct' in sym) {
    const c = pick(s.ciphertexts, sym.$ct);
    if (!c) return GARBAGE_CIPHERTEXT;
    if (!sym.mutate) return c.blob;
    const b = Buffer.from(c.blob, 'base64');
    if (sym.mutate === 'tamper') b[b.length - 1] ^= 0x01;
    return (sym.mutate === 'truncate' ? b.subarray(0, Math.floor(b.length / 2)) : b).toString('base64');
  }
  if ('$ctContext' in sym) return pick(s.ciphertexts, sym.$ctContext)?.context;
  if ('$bytes' in sym) return bytes(sym.$bytes, sym.fill);
  if ('$policy' in sym) return policyDocument(sym.$policy, s);
  if ('$principal' in sym) return sym.$principal === 'root' ? `arn:${s.partition}:iam::${s.account}:root` : `arn:${s.partition}:iam::${s.account}:role/kmsbench-diff`;
  return pick(s.grants, sym.$grant)?.id ?? ABSENT_GRANT_ID;
}

/** The concrete value of a symbolic one on this endpoint; `undefined` leaves the member out. */
export function resolve(value: SymJson, s: Session): unknown {
  if (isSym(value)) return resolveSym(value, s);
  if (Array.isArray(value)) return value.map((v) => resolve(v, s));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const r = resolve(v, s);
      if (r !== undefined) out[k] = r;
    }
    return out;
  }
  return value;
}

export const resolveInput = (step: Step, s: Session): Record<string, unknown> => resolve(step.input, s) as Record<string, unknown>;

/** The ciphertext record a step's (unaltered) `CiphertextBlob` reference names, if any. */
export function sourceCiphertext(step: Step, s: Session): CiphertextRecord | undefined {
  const ref = step.input.CiphertextBlob;
  if (!isSym(ref) || !('$ct' in ref) || ref.mutate) return undefined;
  return pick(s.ciphertexts, ref.$ct);
}

/**
 * Concrete strings this endpoint made and their symbolic names, longest first: what the
 * normaliser replaces so that two endpoints' replies compare.
 */
export function symbolicNames(s: Session): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  s.keys.forEach((k, i) => {
    pairs.push([k.arn, `<key#${i}.arn>`], [k.id, `<key#${i}>`]);
  });
  s.grants.forEach((g, i) => {
    pairs.push([g.id, `<grant#${i}>`]);
    if (g.token) pairs.push([g.token, `<grant-token#${i}>`]);
  });
  pairs.push([s.prefix, '<run>'], [s.account, '<account>'], [s.region, '<region>']);
  return pairs.filter(([from]) => from.length > 0).sort((x, y) => y[0].length - x[0].length);
}

/** Whole blob values (base64) and their symbolic names. */
export function blobNames(s: Session): Map<string, string> {
  const m = new Map<string, string>();
  s.ciphertexts.forEach((c, i) => {
    if (!m.has(c.blob)) m.set(c.blob, `<ciphertext#${i}>`);
    if (c.plaintext && !m.has(c.plaintext)) m.set(c.plaintext, `<plaintext#${i}>`);
  });
  return m;
}
