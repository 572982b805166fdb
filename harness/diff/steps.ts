/**
 * A differential test's steps: one operation with an input whose leaves may be symbolic
 * references to what earlier steps produced ("key #2", "ciphertext #1"), so that one sequence
 * replays on two endpoints, each with its own ids. References are resolved per endpoint by
 * resolve.ts; an index past the end wraps around (and with nothing made yet, names something
 * absent), so every sequence is valid input for every endpoint.
 *
 * @module
 */
import type { OperationName } from '../../common/model/index.js';

/** How a key reference is spelt in the request. */
export type KeyForm = 'id' | 'arn';

/** A symbolic leaf of a step's input. */
export type Sym =
  /** Key #i made by CreateKey in this sequence (index modulo the keys made). */
  | { $key: number; form: KeyForm }
  /** A key that does not exist: a well-formed UUID, a key ARN, or a malformed id. */
  | { $absentKey: 'uuid' | 'arn' | 'malformed' }
  /** Alias name #i of this sequence (`alias/<run prefix>-<i>`), or a boundary/invalid variant of it. */
  | { $alias: number; variant: AliasVariant }
  /** Ciphertext #i made in this sequence (Encrypt, GenerateDataKey*, ReEncrypt), possibly altered. */
  | { $ct: number; mutate?: 'tamper' | 'truncate' }
  /** The encryption context ciphertext #i was made with (or none). */
  | { $ctContext: number }
  /** `n` deterministic bytes (base64), distinct per `fill`. */
  | { $bytes: number; fill: number }
  /** A key policy document for the endpoint's own account. */
  | { $policy: 'root' | 'lockout' | 'malformed' }
  /** A principal ARN in the endpoint's own account. */
  | { $principal: 'root' | 'role' }
  /** Grant #i made by CreateGrant in this sequence. */
  | { $grant: number };

export type SymJson = string | number | boolean | null | Sym | SymJson[] | { [k: string]: SymJson };

export const ALIAS_VARIANTS = ['plain', 'arn', 'no-prefix', 'reserved', 'max-length', 'too-long', 'bad-chars'] as const;
export type AliasVariant = (typeof ALIAS_VARIANTS)[number];

export interface Step {
  op: OperationName;
  input: Record<string, SymJson>;
}

export const isSym = (v: unknown): v is Sym =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).some((k) => k.startsWith('$'));

/** One line per step for people: `Encrypt KeyId=key#1 Plaintext=bytes(16)`. */
export function describeStep(step: Step): string {
  const parts = Object.entries(step.input).map(([k, v]) => `${k}=${describeValue(v)}`);
  return [step.op, ...parts].join(' ');
}

function describeValue(v: SymJson): string {
  if (isSym(v)) return describeSym(v);
  if (Array.isArray(v)) return `[${v.map(describeValue).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${k}:${describeValue(x)}`).join(',')}}`;
  if (typeof v === 'string') return v.length > 40 ? `"${v.slice(0, 12)}…"(${v.length} chars)` : JSON.stringify(v);
  return String(v);
}

export function describeSym(s: Sym): string {
  if ('$key' in s) return `key#${s.$key}${s.form === 'id' ? '' : `.${s.form}`}`;
  if ('$absentKey' in s) return `absent-key(${s.$absentKey})`;
  if ('$alias' in s) return `alias#${s.$alias}${s.variant === 'plain' ? '' : `(${s.variant})`}`;
  if ('$ct' in s) return `ciphertext#${s.$ct}${s.mutate ? `(${s.mutate})` : ''}`;
  if ('$ctContext' in s) return `context-of-ciphertext#${s.$ctContext}`;
  if ('$bytes' in s) return `bytes(${s.$bytes})`;
  if ('$policy' in s) return `policy(${s.$policy})`;
  if ('$principal' in s) return `principal(${s.$principal})`;
  return `grant#${s.$grant}`;
}
