/**
 * Turns an endpoint's reply into what is compared with the other endpoint's: the parts that
 * legitimately differ between two correct implementations become placeholders.
 *
 * - ids, ARNs, grant ids and tokens, the account, the Region and the run prefix → their symbolic
 *   names (`<key#0>`, `<key#0.arn>`, `<account>`, `<run>`), wherever they appear in a string;
 * - dates → `<date>` when they are numbers (epoch seconds, as AWS JSON 1.1 sends them),
 *   `<date:string>` otherwise: presence and type are compared, not the instant;
 * - blobs → `<ciphertext#i>` / `<plaintext#i>` when they are one this sequence made (so a
 *   Decrypt that returns the right plaintext compares equal), else `<blob:N bytes>`; ciphertext
 *   bytes are never compared: each new ciphertext is decrypted on its own endpoint instead;
 * - key material ids → `<material>`; key policies → their parsed JSON (formatting not compared);
 * - `null` members → absent (the SDKs treat them alike);
 * - lists whose order AWS does not document (keys, aliases, tags, grants, algorithm lists) → sorted;
 * - account-wide listings (ListKeys, ListAliases) → only this sequence's own entries.
 *
 * Request ids (headers) are never looked at. Error messages are kept (normalised the same way);
 * the comparer decides whether they count.
 *
 * @module
 */
import { OPERATIONS, type OperationName } from '../../common/model/index.js';
import type { Observation } from './execute.js';
import { shapeOf, type ShapeName } from './model-args.js';

export type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

export interface View {
  status: number;
  error?: { code: string; message?: string };
  body?: { [k: string]: Json };
}

export interface Names {
  /** Concrete → symbolic, longest first (session.ts symbolicNames). */
  strings: Array<[string, string]>;
  /** Whole base64 blobs → symbolic (session.ts blobNames). */
  blobs: Map<string, string>;
}

const UNORDERED: ReadonlySet<string> = new Set([
  'KeyList',
  'AliasList',
  'TagList',
  'GrantList',
  'EncryptionAlgorithmSpecList',
  'SigningAlgorithmSpecList',
  'MacAlgorithmSpecList',
  'KeyAgreementAlgorithmSpecList',
  'GrantOperationList',
]);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function normaliseString(text: string, names: Names): string {
  if (!names.strings.length) return text;
  const re = new RegExp(names.strings.map(([from]) => escape(from)).join('|'), 'g');
  const to = new Map(names.strings);
  return text.replace(re, (m) => to.get(m) ?? m);
}

const sortList = (list: Json[]): Json[] =>
  list
    .map((v) => [JSON.stringify(v), v] as const)
    .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
    .map(([, v]) => v);

/** A value of no known shape (an extra member, a map value, a parsed policy). */
export function normaliseAny(value: unknown, names: Names): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return normaliseString(value, names);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((v) => normaliseAny(v, names));
  const out: { [k: string]: Json } = {};
  for (const k of Object.keys(value as object).sort()) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== null && v !== undefined) out[normaliseString(k, names)] = normaliseAny(v, names);
  }
  return out;
}

function blobBytes(b64: string): number {
  return Buffer.from(b64, 'base64').length;
}

export function normaliseShape(value: unknown, shapeName: string, names: Names): Json {
  if (value === null || value === undefined) return null;
  if (!(shapeName in OPERATION_SHAPES_CACHE)) OPERATION_SHAPES_CACHE[shapeName] = safeShape(shapeName);
  const shape = OPERATION_SHAPES_CACHE[shapeName];
  if (!shape) return normaliseAny(value, names);
  switch (shape.type) {
    case 'timestamp':
      return typeof value === 'number' ? '<date>' : `<date:${typeof value}>`;
    case 'blob':
      if (typeof value !== 'string') return `<blob:${typeof value}>`;
      return names.blobs.get(value) ?? `<blob:${blobBytes(value)} bytes>`;
    case 'string': {
      if (typeof value !== 'string') return normaliseAny(value, names);
      if (shapeName === 'BackingKeyIdType') return '<material>';
      if (shapeName === 'PolicyType') {
        try {
          return { $policy: normaliseAny(JSON.parse(value), names) };
        } catch {
          return normaliseString(value, names);
        }
      }
      return normaliseString(value, names);
    }
    case 'list': {
      if (!Array.isArray(value)) return normaliseAny(value, names);
      const list = value.map((v) => normaliseShape(v, shape.member, names));
      return UNORDERED.has(shapeName) ? sortList(list) : list;
    }
    case 'map':
      return normaliseAny(value, names);
    case 'structure': {
      if (typeof value !== 'object' || Array.isArray(value)) return normaliseAny(value, names);
      const out: { [k: string]: Json } = {};
      for (const k of Object.keys(value).sort()) {
        const v = (value as Record<string, unknown>)[k];
        if (v === null || v === undefined) continue;
        const member = shape.members[k];
        out[k] = member ? normaliseShape(v, member, names) : k.startsWith('$') ? (v as Json) : normaliseAny(v, names);
      }
      return out;
    }
    default:
      return value as Json;
  }
}

const OPERATION_SHAPES_CACHE: Record<string, ReturnType<typeof shapeOf> | undefined> = {};
function safeShape(name: string) {
  try {
    return shapeOf(name as ShapeName);
  } catch {
    return undefined;
  }
}

/** Account-wide listings keep only the entries this sequence made (other runs and users share the account). */
function ownEntries(op: OperationName, body: { [k: string]: Json }): { [k: string]: Json } {
  const own = (v: Json) => typeof v === 'string' && v.includes('<');
  if (op === 'ListKeys' && Array.isArray(body.Keys)) {
    return { ...body, Keys: body.Keys.filter((e) => own((e as { KeyId?: Json }).KeyId ?? null) && String((e as { KeyId?: Json }).KeyId).startsWith('<key#')) };
  }
  if (op === 'ListAliases' && Array.isArray(body.Aliases)) {
    return { ...body, Aliases: body.Aliases.filter((e) => String((e as { AliasName?: Json }).AliasName ?? '').includes('<run>')) };
  }
  return body;
}

/** An error message: names as everywhere, and any blob of the sequence that it echoes (a plaintext, say) by its name. */
function normaliseMessage(message: string, names: Names): string {
  let text = normaliseString(message, names);
  for (const [blob, name] of names.blobs) if (blob.length >= 8) text = text.split(blob).join(name);
  return text;
}

export function normalise(op: OperationName, obs: Observation, names: Names): View {
  const view: View = { status: obs.status };
  if (obs.errorCode !== undefined || !obs.body) {
    view.error = { code: obs.errorCode ?? '(none)', ...(obs.message !== undefined ? { message: normaliseMessage(obs.message, names) } : {}) };
    return view;
  }
  const output = OPERATIONS[op].output;
  let body = (output ? normaliseShape(obs.body, output, names) : normaliseAny(obs.body, names)) as { [k: string]: Json };
  if (body === null || typeof body !== 'object' || Array.isArray(body)) body = { $body: body };
  body = ownEntries(op, body);
  if (obs.roundTrip !== undefined) body = { ...body, $roundTrip: obs.roundTrip };
  view.body = body;
  return view;
}
