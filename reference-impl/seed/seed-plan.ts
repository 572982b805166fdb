/**
 * What a seed file asks for, normalised: the keys (each with its account, Region, fixed id, spec,
 * usage, state, tags, policy, rotation and given material) and aliases to create. Both seed
 * formats (kmsbench's own, ./native-format.ts, and local-kms's, ./local-kms-format.ts) parse to a
 * {@link SeedPlan}; ./apply-seed.ts writes it. Pure: no I/O.
 *
 * @module
 */
import { isKeyId } from '../keys/key-ref.js';

/** A problem in a seed file; the message names the place (`keys[2].keyId`), never key material. */
export class SeedError extends Error {
  override readonly name = 'SeedError';
}

export interface SeedKey {
  account: string;
  region: string;
  keyId: string;
  keySpec: string;
  keyUsage: 'ENCRYPT_DECRYPT' | 'SIGN_VERIFY' | 'GENERATE_VERIFY_MAC' | 'KEY_AGREEMENT';
  description: string;
  state: 'Enabled' | 'Disabled' | 'PendingDeletion' | 'PendingImport';
  /** For PendingDeletion: days until deletion (7-30, default 30). */
  pendingWindowInDays?: number;
  origin: 'AWS_KMS' | 'EXTERNAL';
  tags: Array<{ TagKey: string; TagValue: string }>;
  /** A key policy document (JSON text); the default policy when absent. */
  policy?: string;
  rotation?: { enabled: boolean; periodInDays: number; nextRotationAt?: number };
  /** Symmetric or HMAC backing keys, oldest first; the last is current. Empty: generate one (or none for PendingImport). */
  backingKeys: Buffer[];
  /** An asymmetric private key (PEM, or PKCS#8 DER). */
  privateKey?: string | Buffer;
  /** Grants as written; applied only where the store keeps grants. */
  grants: unknown[];
  aliases: string[];
  /** Where in the file the key was declared, for the report. */
  where: string;
}

export interface SeedAlias {
  account: string;
  region: string;
  name: string;
  targetKeyId: string;
  where: string;
}

export interface SeedPlan {
  format: 'kmsbench' | 'local-kms';
  keys: SeedKey[];
  aliases: SeedAlias[];
}

export interface SeedDefaults {
  account: string;
  region: string;
}

// ---- field checks shared by both formats -----------------------------------------------------

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function obj(v: unknown, where: string): Obj {
  if (!isObj(v)) throw new SeedError(`${where} must be a mapping`);
  return v;
}

export function list(v: unknown, where: string): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new SeedError(`${where} must be a list`);
  return v;
}

export function str(v: unknown, where: string): string;
export function str(v: unknown, where: string, optional: true): string | undefined;
export function str(v: unknown, where: string, optional = false): string | undefined {
  if (v === undefined || v === null) {
    if (optional) return undefined;
    throw new SeedError(`${where} is required`);
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') throw new SeedError(`${where} must be a string`);
  return v;
}

export function oneOf<T extends string>(v: unknown, where: string, allowed: readonly T[], fallback: T): T {
  const s = str(v, where, true);
  if (s === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(s)) throw new SeedError(`${where} must be one of ${allowed.join(', ')}`);
  return s as T;
}

export function keyId(v: unknown, where: string): string {
  const s = str(v, where).toLowerCase();
  if (!isKeyId(s)) throw new SeedError(`${where} must be a key id (a UUID, or mrk- and 32 hex digits)`);
  return s;
}

export function accountId(v: unknown, where: string, fallback: string): string {
  const s = str(v, where, true);
  if (s === undefined) return fallback;
  if (!/^\d{12}$/.test(s)) throw new SeedError(`${where} must be 12 digits`);
  return s;
}

export function regionName(v: unknown, where: string, fallback: string): string {
  const s = str(v, where, true);
  if (s === undefined) return fallback;
  if (!/^[a-z]{2}(?:-[a-z]+)+-\d+$/.test(s)) throw new SeedError(`${where} must be a Region code such as us-east-1`);
  return s;
}

export function aliasName(v: unknown, where: string): string {
  const s = str(v, where);
  const name = s.startsWith('alias/') ? s : `alias/${s}`;
  if (!/^alias\/[a-zA-Z0-9/_-]{1,250}$/.test(name) || name.startsWith('alias/aws/')) {
    throw new SeedError(`${where} must be alias/ and 1-250 of a-z A-Z 0-9 / _ - (not alias/aws/)`);
  }
  return name;
}

/**
 * Key material given as text: hex (an even number of hex digits, as `openssl rand -hex 32`
 * prints) or base64. The message never quotes the value.
 */
export function material(v: unknown, where: string, bytes: number): Buffer {
  const s = str(v, where).trim();
  let out: Buffer | undefined;
  if (/^[0-9a-fA-F]+$/.test(s) && s.length === bytes * 2) out = Buffer.from(s, 'hex');
  else if (/^[A-Za-z0-9+/]+={0,2}$/.test(s) && s.length % 4 === 0) out = Buffer.from(s, 'base64');
  if (!out || out.length !== bytes) throw new SeedError(`${where} must be ${bytes} bytes as hex (${bytes * 2} digits) or base64`);
  return out;
}

/** `{Key: Value}` or `[{TagKey, TagValue}]`. */
export function tags(v: unknown, where: string): Array<{ TagKey: string; TagValue: string }> {
  if (v === undefined || v === null) return [];
  if (isObj(v)) return Object.entries(v).map(([k, val]) => ({ TagKey: k, TagValue: str(val, `${where}.${k}`) }));
  return list(v, where).map((t, i) => {
    const o = obj(t, `${where}[${i}]`);
    return { TagKey: str(o.TagKey, `${where}[${i}].TagKey`), TagValue: str(o.TagValue ?? '', `${where}[${i}].TagValue`) };
  });
}

/** An ISO-8601 date as epoch ms. */
export function date(v: unknown, where: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  const ms = v instanceof Date ? v.getTime() : Date.parse(str(v, where));
  if (!Number.isFinite(ms)) throw new SeedError(`${where} must be an ISO-8601 date`);
  return ms;
}
