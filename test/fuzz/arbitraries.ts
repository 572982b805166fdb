/**
 * fast-check arbitraries for the robustness suites under test/fuzz/.
 *
 * - From the KMS model (common/model/model.ts): {@link validish} request bodies for
 *   every operation (about 95% schema-valid), and {@link mutatedBody}: a valid-ish body with
 *   1-2 mutations that each make it certainly wrong (wrong JSON type, missing required member,
 *   over/under length, bad enum / pattern / base64, out-of-range or unrepresentable number),
 *   then harmless decorations (unknown members, deep nesting, huge numbers, odd unicode, very
 *   large lists and maps). A mutated body never succeeds, so a 200 is a bug in the server (or
 *   in the model-to-validator translation).
 * - {@link notAnObjectBody}: bodies that are not a JSON object at all.
 * - Semantics: {@link unknownKeyRef} (every key-id form, naming no usable key),
 *   {@link badCiphertext} / {@link ciphertextCases} (garbage, truncated, bit-flipped, extended
 *   real blobs; right blob with a near-miss context, another key, a key in the wrong state) and
 *   {@link tampers} (every way of spoiling a signed request).
 *
 * Sensitive values always start with the canary of ./fuzz-kit.ts, so leaks are detectable.
 *
 * @module
 */
import fc from 'fast-check';
import { OPERATIONS, SHAPES, type OperationName, type ShapeDef } from '../../common/model/model.js';
import type { RawRequest } from '../../reference-impl/protocol/pipeline.js';
import { CANARY, REGION, RawJson, toJson, type KnownBlob, type Seed } from './fuzz-kit.js';

const S = SHAPES as unknown as Readonly<Record<string, ShapeDef>>;

export const inputShapeOf = (op: OperationName): string => OPERATIONS[op].input;

// ---- building blocks -----------------------------------------------------------------------

/** Characters that tend to break parsers, encoders, regexes, databases and log formats. */
export const EDGE_CHARS = [
  '\u0000', '\u0001', '\u0008', '\u001b', '\u001f', '\u007f', '\u0085', '\u00a0', '\u00ad', '\u00ff', '\u0130', '\u0131',
  '\u00df', '\u0301', '\u034f', '\u200b', '\u200d', '\u2028', '\u2029', '\u202e', '\u2066', '\ufeff', '\ufffd', '\uffff',
  '\ud800', '\udbff', '\udc00', '\udfff', '\ud83d\ude00', '\ud835\udd4f', '\u{10ffff}', '"', '\\', '/', "'", '`', '<', '>',
  '&', '%', '%00', '%2F', '$', '{', '}', '[', ']', ':', ',', '=', '\n', '\r', '\r\n', '\t', ' ', 'e\u0301', '\u0627\u0644',
] as const;

const edgeUnit = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...EDGE_CHARS) },
  { weight: 3, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_/') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
);

/** Strings with unicode edge cases (lone surrogates, NUL, bidi controls, combining marks, astral). */
export const edgeString = (minLength = 0, maxLength = 40): fc.Arbitrary<string> =>
  fc.string({ unit: edgeUnit, minLength, maxLength });

const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');

/** Bytes that start with the canary (when there is room), so any echo of them is detectable. */
export function canaryBytes(minLength: number, maxLength: number): fc.Arbitrary<Buffer> {
  const c = Buffer.from(CANARY, 'latin1');
  return fc.integer({ min: minLength, max: maxLength }).chain((n) =>
    fc.uint8Array({ minLength: Math.max(0, n - c.length), maxLength: Math.max(0, n - c.length) }).map((rest) =>
      n >= c.length ? Buffer.concat([c, rest]) : c.subarray(0, n),
    ),
  );
}

/** Sensitive strings: the canary then `[A-Z2-7]` filler (fits every sensitive pattern in the model). */
export function canaryString(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc
    .string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'), minLength: 0, maxLength: Math.max(0, maxLength - CANARY.length) })
    .map((rest) => (CANARY + rest).slice(0, Math.max(maxLength, 0)))
    .map((s) => (s.length >= minLength ? s : s + 'A'.repeat(minLength - s.length)));
}

/** `n` code points (never a surrogate pair split; astral chars count once, as AWS counts). */
export function stringOfCodePoints(n: number, unit: string): string {
  return unit.repeat(n);
}

const matching = new Map<RegExp, fc.Arbitrary<string>>();
/** `fc.stringMatching`, built once per regex (building it parses the regex). */
export function stringMatching(re: RegExp): fc.Arbitrary<string> {
  let arb = matching.get(re);
  if (!arb) matching.set(re, (arb = fc.stringMatching(re)));
  return arb;
}

// ---- key references and ciphertexts ---------------------------------------------------------

export interface KeyRefs {
  /** Key ids of keys that exist (for forms that point elsewhere: other region/account). */
  realKeyIds: string[];
  /** Every form of reference to a real key: id, ARN, alias name, alias ARN. */
  realRefs: string[];
  /** Real ciphertext blobs (intact) with the context they were made with. */
  blobs: Array<{ blob: Buffer; context?: Record<string, string>; keyId: string }>;
}

/** The references to what {@link Seed} made. */
export const keyRefsOf = (seed: Seed): KeyRefs => ({
  realKeyIds: Object.values(seed.keys),
  realRefs: seed.realRefs,
  blobs: seed.known.map((k) => ({ blob: k.blob, context: k.context, keyId: k.keyId })),
});

const hexChars = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: n, maxLength: n });

/** An alias name no one created (never under `alias/aws/`). */
export const unknownAliasName: fc.Arbitrary<string> = fc
  .string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/_-'), minLength: 1, maxLength: 40 })
  .map((s) => `alias/zz-unknown-${s}`);

/**
 * References that name no key the caller can use, in every form KMS accepts and many it does
 * not. Deliberately excludes `alias/aws/<name>` (see the known-bug test: those create keys).
 */
export function unknownKeyRef(refs: KeyRefs): fc.Arbitrary<string> {
  const real = fc.constantFrom(...refs.realKeyIds);
  const uuid = fc.uuid().filter((u) => !refs.realKeyIds.includes(u));
  return fc.oneof(
    uuid,
    hexChars(32).map((h) => `mrk-${h}`),
    uuid.map((u) => `arn:aws:kms:us-east-1:111122223333:key/${u}`),
    real.map((u) => `arn:aws:kms:eu-west-1:111122223333:key/${u}`),
    real.map((u) => `arn:aws:kms:us-east-1:999988887777:key/${u}`),
    real.map((u) => `arn:aws-cn:kms:us-east-1:999988887777:key/${u}`),
    real.map((u) => u.toUpperCase()),
    real.map((u) => u.replace(/-/g, '')),
    real.map((u) => ` ${u}`),
    real.map((u) => `${u}\n`),
    real.map((u) => `${u}\u0000`),
    real.map((u) => `key/${u}`),
    unknownAliasName,
    unknownAliasName.map((a) => `arn:aws:kms:us-east-1:111122223333:${a}`),
    fc.constantFrom(...refs.realRefs.filter((r) => r.startsWith('alias/'))).map((a) => `arn:aws:kms:us-east-1:999988887777:${a}`),
    fc.constantFrom(...refs.realRefs.filter((r) => r.startsWith('alias/'))).map((a) => `arn:aws:kms:ap-south-1:111122223333:${a}`),
    fc.constantFrom('alias/', 'alias', 'arn:', 'arn:aws:kms:::key/', 'arn:aws:kms:us-east-1:111122223333:key/', 'key/', 'mrk-', 'null', 'undefined', '*', '..', '%', 'alias/..', 'alias//'),
    edgeString(1, 64),
    fc.constantFrom('k'.repeat(2048), 'alias/' + 'a'.repeat(2042), `arn:aws:kms:us-east-1:111122223333:key/${'0'.repeat(2000)}`),
  );
}

/** A real blob with one random bit flipped. */
const flipped = (blob: Buffer) =>
  fc.record({ i: fc.nat({ max: blob.length - 1 }), bit: fc.nat({ max: 7 }) }).map(({ i, bit }) => {
    const b = Buffer.from(blob);
    b[i] = b[i]! ^ (1 << bit);
    return b;
  });

/** Ciphertext blobs (as base64) that must never decrypt. */
export function badCiphertext(refs: KeyRefs): fc.Arbitrary<string> {
  const real = fc.constantFrom(...refs.blobs.map((b) => b.blob));
  const headerLike = fc
    .record({ id: fc.constantFrom(...refs.realKeyIds), version: fc.nat(4), rest: fc.uint8Array({ minLength: 0, maxLength: 200 }) })
    .map(({ id, version, rest }) => {
      const h = Buffer.alloc(21);
      h[0] = 1;
      Buffer.from(id.replace(/-/g, ''), 'hex').copy(h, 1);
      h.writeUInt32BE(version, 17);
      return Buffer.concat([h, rest]);
    });
  return fc
    .oneof(
      real.chain(flipped),
      real.chain((b) => fc.nat({ max: b.length - 1 }).map((n) => b.subarray(0, n))),
      real.chain((b) => fc.nat({ max: b.length - 1 }).map((n) => b.subarray(b.length - n))),
      real.chain((b) => fc.uint8Array({ minLength: 1, maxLength: 32 }).map((extra) => Buffer.concat([b, extra]))),
      real.chain((b) => fc.nat({ max: 15 }).map((n) => Buffer.concat([b.subarray(0, 33), Buffer.alloc(16, n), b.subarray(49)]))),
      headerLike,
      fc.uint8Array({ minLength: 1, maxLength: 6144 }).map((u) => Buffer.from(u)),
    )
    .map((b) => b64(b));
}

// ---- valid-ish values from the model ---------------------------------------------------------

export interface Pools {
  keyRef: fc.Arbitrary<string>;
  badCiphertext: fc.Arbitrary<string>;
}

const DEFAULT_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' }],
});

const policyText: fc.Arbitrary<string> = fc.oneof(
  fc.constant(DEFAULT_POLICY),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'null'),
  fc.string({ minLength: 1, maxLength: 60 }),
);

const mapKey = fc.oneof(edgeString(0, 12), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'aws:kms', ''));

/** Arbitrary for a value of `shape` that is usually valid (sloppiness only adds errors). */
export function validish(shape: string, pools: Pools, depth = 0): fc.Arbitrary<unknown> {
  const def = S[shape]!;
  if (shape === 'KeyIdType') return pools.keyRef;
  if (shape === 'CiphertextType') return pools.badCiphertext;
  if (shape === 'AliasNameType') return unknownAliasName;
  if (shape === 'PolicyType') return policyText;
  switch (def.type) {
    case 'string': {
      if (def.sensitive) return canaryString(def.min ?? 0, Math.min(def.max ?? 64, 64));
      if (def.enum) return fc.constantFrom(...def.enum);
      if (def.regex) return stringMatching(def.regex);
      return edgeString(def.min ?? 0, Math.min(def.max ?? 40, 40));
    }
    case 'blob':
      if (def.sensitive) return canaryBytes(Math.max(def.min ?? 1, CANARY.length), Math.min(def.max ?? 256, 256)).map(b64);
      return fc.uint8Array({ minLength: def.min ?? 0, maxLength: Math.min(def.max ?? 64, 64) }).map(b64);
    case 'integer':
    case 'long':
      return fc.integer({ min: Math.max(def.min ?? -1000, -(2 ** 31)), max: Math.min(def.max ?? 100_000, 2 ** 31 - 1) });
    case 'boolean':
      return fc.boolean();
    case 'timestamp':
      return fc.integer({ min: 0, max: 4_102_444_800 });
    case 'list':
      if (depth > 4) return fc.constant([]);
      return fc.array(validish(def.member, pools, depth + 1), { minLength: def.min ?? 0, maxLength: Math.min(def.max ?? 3, 3) });
    case 'map':
      return fc.dictionary(mapKey, validish(def.value, pools, depth + 1), { maxKeys: 3 });
    case 'structure': {
      if (depth > 4) return fc.constant({});
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [m, target] of Object.entries(def.members)) model[m] = validish(target, pools, depth + 1);
      return fc.record(model, { requiredKeys: [...(def.required ?? [])] });
    }
  }
}

// ---- mutation sites --------------------------------------------------------------------------

type Path = Array<string | number>;

/** A place in a body that a mutation can replace (or remove). */
export interface Site {
  path: Path;
  shape: string;
  present: boolean;
  required: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every member (present or absent), list element and map value of `value`, recursively. */
export function sitesOf(shape: string, value: unknown, path: Path = [], out: Site[] = []): Site[] {
  const def = S[shape]!;
  if (def.type === 'structure' && isObject(value)) {
    const required = new Set(def.required ?? []);
    for (const [m, target] of Object.entries(def.members)) {
      const v = value[m];
      out.push({ path: [...path, m], shape: target, present: v !== undefined, required: required.has(m) });
      if (v !== undefined) sitesOf(target, v, [...path, m], out);
    }
  } else if (def.type === 'list' && Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push({ path: [...path, i], shape: def.member, present: true, required: false });
      sitesOf(def.member, v, [...path, i], out);
    });
    out.push({ path: [...path, value.length], shape: def.member, present: false, required: false });
  } else if (def.type === 'map' && isObject(value)) {
    for (const k of Object.keys(value)) {
      out.push({ path: [...path, k], shape: def.value, present: true, required: false });
      sitesOf(def.value, value[k], [...path, k], out);
    }
    out.push({ path: [...path, `zz-new-${path.length}`], shape: def.value, present: false, required: false });
  }
  return out;
}

export const DELETE = Symbol('delete');

export interface Mutation {
  path: Path;
  value: unknown;
  /** What the mutation does, for failure reports. */
  label: string;
}

/** Sets (or deletes) `path` in a deep copy of `body`; own-property semantics even for `__proto__`. */
export function applyMutation(body: unknown, m: Mutation): unknown {
  const root = structuredCloneLoose(body);
  let node = root as Record<string | number, unknown>;
  for (let i = 0; i < m.path.length - 1; i++) node = node[m.path[i]!] as Record<string | number, unknown>;
  const last = m.path[m.path.length - 1]!;
  if (m.value === DELETE) {
    if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
    else delete node[last];
  } else {
    Object.defineProperty(node, last, { value: m.value, enumerable: true, writable: true, configurable: true });
  }
  return root;
}

function structuredCloneLoose(v: unknown): unknown {
  if (v instanceof RawJson) return v;
  if (Array.isArray(v)) return v.map(structuredCloneLoose);
  if (isObject(v)) {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(v)) Object.defineProperty(o, k, { value: structuredCloneLoose(v[k]), enumerable: true, writable: true, configurable: true });
    return o;
  }
  return v;
}

const HUGE = ['1e400', '-1e400', '1E+999', '9223372036854775808', '-9223372036854775809', '1e19', '123456789012345678901234567890'].map((t) => new RawJson(t));

/** JSON values that can never convert to a member of this type. */
function wrongTypes(def: ShapeDef): unknown[] {
  const obj = { a: 'b' };
  switch (def.type) {
    case 'string':
      return [0, -1, 1.5, true, false, [], ['x'], {}, obj, ...HUGE];
    case 'blob':
      return [0, 12, true, false, [], [1, 2, 3], {}, { $binary: 'AAAA' }, ...HUGE];
    case 'integer':
    case 'long':
      return ['1', '', 'NaN', 'Infinity', true, false, [], [1], {}, obj];
    case 'boolean':
      return [0, 1, 2, 'maybe', '', 'ja', 'on', 'null', [], [true], {}, ...HUGE];
    case 'timestamp':
      return ['2024-01-01T00:00:00Z', '1700000000', '', true, [], {}, new RawJson('1e400'), new RawJson('-1e400')];
    case 'list':
      return ['x', '', 1, true, {}, { 0: 'x' }, ...HUGE];
    case 'map':
      return ['x', '', 1, true, [], [['a', 'b']], ...HUGE];
    case 'structure':
      return ['x', '', 1, true, [], [{}], ...HUGE];
  }
}

/** Strings that strict (padded, canonical, standard-alphabet) base64 rejects. */
export function badBase64(sensitive: boolean): fc.Arbitrary<string> {
  const prefix = sensitive ? Buffer.from(CANARY, 'latin1').toString('base64') : 'QUJD';
  return fc.oneof(
    fc.constantFrom('A', 'AB', 'ABC', 'AAAAA', 'A===', '====', '=AAA', 'AA=A', 'AB==', 'AAB=', 'AA==AA==', 'AA-_', '-_-_', 'AA!A', 'AA A', ' AAA', 'AAA\n', 'AA\nAA\nAA', 'ÀÀÀÀ', '\u0000AAA', '\ud83d\ude00\ud83d\ude00', 'AAAA=', 'AAAA==', 'AA%3D'),
    fc.constantFrom('!', ' ', '\n', '-', '_', '=', '.', '\u00e9', '\u0000').map((c) => `${prefix}${c}`),
    fc.constantFrom('-', '_').chain((c) => fc.nat({ max: 3 }).map((i) => `${prefix}${'AAAA'.slice(0, i)}${c}${'AAAA'.slice(i + 1)}`)),
  );
}

interface ValueMutation {
  label: string;
  arb: fc.Arbitrary<unknown>;
}

const valueMutationCache = new Map<string, ValueMutation[]>();

/** Arbitraries for mutations at `site` that the model alone makes an error. */
export function mutationsAt(site: Site): fc.Arbitrary<Mutation>[] {
  const key = `${site.shape}|${site.required && site.present}`;
  let vms = valueMutationCache.get(key);
  if (!vms) valueMutationCache.set(key, (vms = valueMutations(site)));
  // Values are cloned so no two cases share (and later mutate) one object.
  return vms.map(({ label, arb }) => arb.map((value) => ({ path: site.path, value: structuredCloneLoose(value), label })));
}

function valueMutations(site: Site): ValueMutation[] {
  const def = S[site.shape]!;
  const sensitive = def.sensitive === true;
  const at = (label: string, arb: fc.Arbitrary<unknown>): ValueMutation => ({ label, arb });
  const out: ValueMutation[] = [at('wrong JSON type', fc.constantFrom(...wrongTypes(def)))];
  if (site.required && site.present) out.push(at('required member missing', fc.constantFrom(DELETE, null)));
  switch (def.type) {
    case 'string': {
      const unit = fc.constantFrom('a', 'Z', '7', '\u00e9', '\u20ac', '\ud83d\ude00');
      if (def.max !== undefined) {
        const max = def.max;
        out.push(
          at(
            'string too long',
            sensitive
              ? canaryString(max + 1, max + 40).map((s) => (s.length > max ? s : s + 'A'.repeat(max + 1 - s.length)))
              : fc.tuple(fc.integer({ min: max + 1, max: max + 40 }), unit).map(([n, u]) => stringOfCodePoints(n, u)),
          ),
        );
      }
      if (def.min !== undefined && def.min > 0) {
        out.push(at('string too short', fc.tuple(fc.nat({ max: def.min - 1 }), unit).map(([n, u]) => stringOfCodePoints(n, u))));
      }
      if (def.enum) {
        const values = def.enum;
        out.push(
          at(
            'not in enum',
            fc
              .oneof(
                fc.constantFrom(...values).map((v) => v.toLowerCase()),
                fc.constantFrom(...values).map((v) => `${v} `),
                fc.constantFrom(...values).map((v) => `${v}\u0000`),
                edgeString(0, 30),
              )
              .filter((v) => !values.includes(v)),
          ),
        );
      }
      if (def.regex) {
        const re = def.regex;
        out.push(
          at(
            'pattern mismatch',
            fc
              .tuple(sensitive ? canaryString(def.min ?? 1, def.max ?? 64) : stringMatching(re), fc.constantFrom(' ', '!', '\u0000', '\u00e9', '\n', '\ud83d\ude00', '#'))
              .map(([s, bad]) => `${s}${bad}`)
              .filter((s) => !re.test(s)),
          ),
        );
      }
      break;
    }
    case 'blob': {
      out.push(at('invalid base64', badBase64(sensitive)));
      if (def.max !== undefined) {
        const max = def.max;
        out.push(at('blob too long', canaryBytes(max + 1, max + 64).map(b64)));
      }
      if (def.min !== undefined && def.min > 0) {
        out.push(at('blob too short', fc.uint8Array({ maxLength: def.min - 1 }).map(b64)));
      }
      break;
    }
    case 'integer':
    case 'long': {
      const lo = def.min;
      const hi = def.max;
      if (lo !== undefined) out.push(at('number below minimum', fc.integer({ min: Math.max(lo - 1_000_000, -(2 ** 53)), max: lo - 1 })));
      if (hi !== undefined) out.push(at('number above maximum', fc.integer({ min: hi + 1, max: Math.min(hi + 1_000_000, 2 ** 53) })));
      out.push(at('number not representable', fc.constantFrom(...HUGE.filter((h) => !h.text.startsWith('-9223')))));
      break;
    }
    case 'timestamp':
      out.push(at('timestamp not representable', fc.constantFrom(new RawJson('1e400'), new RawJson('-1e400'))));
      break;
    case 'list': {
      const el = validish(def.member, NULL_POOLS);
      if (def.max !== undefined) out.push(at('list too long', fc.array(el, { minLength: def.max + 1, maxLength: def.max + 5 })));
      if (def.min !== undefined && def.min > 0) out.push(at('list too short', fc.array(el, { maxLength: def.min - 1 })));
      break;
    }
    default:
      break;
  }
  return out;
}

/** Pools for values inside mutations (never key references that matter). */
const NULL_POOLS: Pools = { keyRef: fc.constant('1234abcd-12ab-34cd-56ef-1234567890ab'), badCiphertext: fc.constant('AAAA') };

// ---- decorations (never errors by themselves) -------------------------------------------------

const deepArray = (n: number) => new RawJson('['.repeat(n) + ']'.repeat(n));
const deepObject = (n: number) => new RawJson('{"a":'.repeat(n) + '1' + '}'.repeat(n));

const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.integer({ min: 1, max: 5_000 }).map(deepArray),
  fc.integer({ min: 1, max: 5_000 }).map(deepObject),
  fc.constantFrom(...HUGE, new RawJson('-0'), new RawJson('0.0000000000000000000000001'), new RawJson('1.7976931348623157e308')),
  edgeString(0, 200),
  fc.integer({ min: 1, max: 20_000 }).map((n) => 'x'.repeat(n)),
);

const junkName = fc.oneof(
  edgeString(0, 20),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__type', 'message', 'keyId', 'KEYID', 'Keyid', 'KeyId ', ' KeyId', 'Plaintext\u0000', ''),
);

/** Adds unknown members (never a known member name) to structures in `body`. */
export function decorate(shape: string, body: unknown): fc.Arbitrary<unknown> {
  const def = S[shape]!;
  if (def.type !== 'structure' || !isObject(body)) return fc.constant(body);
  const known = new Set(Object.keys(def.members));
  return fc
    .array(fc.tuple(junkName.filter((n) => !known.has(n)), junkValue), { maxLength: 3 })
    .map((extra) => {
      if (extra.length === 0) return body;
      const out = structuredCloneLoose(body) as Record<string, unknown>;
      for (const [k, v] of extra) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      return out;
    });
}

/**
 * Replaces list and map members that no mutation touched with very large valid ones (the model
 * sets no maximum on TagList, EncryptionContext, GrantOperationList, ...). Never an error alone.
 */
export function bulkUp(shape: string, body: unknown, untouchable: ReadonlySet<string>): fc.Arbitrary<unknown> {
  const def = S[shape]!;
  if (def.type !== 'structure' || !isObject(body)) return fc.constant(body);
  const targets = Object.entries(def.members).filter(([m, t]) => !untouchable.has(m) && (S[t]!.type === 'list' || S[t]!.type === 'map'));
  const bounded = (t: string) => S[t]!.type === 'list' && (S[t] as { max?: number }).max !== undefined;
  const free = targets.filter(([, t]) => !bounded(t));
  if (free.length === 0) return fc.constant(body);
  return fc.tuple(fc.constantFrom(...free), fc.integer({ min: 500, max: 6000 })).chain(([[member, target], n]) => {
    const t = S[target]!;
    const filler: fc.Arbitrary<unknown> =
      t.type === 'list'
        ? validish(t.member, NULL_POOLS).map((el) => Array.from({ length: n }, () => structuredCloneLoose(el)))
        : fc.constant(Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, `v${i}`])));
    return filler.map((big) => {
      const out = structuredCloneLoose(body) as Record<string, unknown>;
      out[member] = big;
      return out;
    });
  });
}

// ---- whole cases -----------------------------------------------------------------------------

export interface MutatedCase {
  body: string;
  labels: string[];
}

/**
 * A body for `op`: valid-ish, then 1-2 certain mutations, then optional decorations. Bodies
 * over ~1 MiB are capped by dropping decorations (the HTTP edge would refuse them with 413).
 */
export function mutatedBody(op: OperationName, pools: Pools): fc.Arbitrary<MutatedCase> {
  const shape = inputShapeOf(op);
  return validish(shape, pools)
    .chain((base) => {
      const sites = sitesOf(shape, base);
      const muts = sites.flatMap(mutationsAt);
      return fc.tuple(fc.constant(base), fc.array(fc.oneof(...muts), { minLength: 1, maxLength: 2 }));
    })
    .map(([base, ms]) => {
      let body = base;
      for (const m of ms) {
        try {
          body = applyMutation(body, m);
        } catch {
          // A second mutation may target a path the first removed; the first still stands.
        }
      }
      return { body, labels: ms.map((m) => `${m.label} at ${m.path.join('.')}`), touched: new Set(ms.map((m) => String(m.path[0]))) };
    })
    .chain(({ body, labels, touched }) =>
      fc
        .oneof(
          { weight: 4, arbitrary: fc.constant(body) },
          { weight: 2, arbitrary: decorate(shape, body) },
          { weight: 1, arbitrary: bulkUp(shape, body, touched) },
        )
        .map((decorated) => {
          let text = toJson(decorated);
          if (text.length > 1_000_000) text = toJson(body);
          return { body: text, labels };
        }),
    );
}

/** Bodies that are not a JSON object at all: each must be a SerializationException. */
export const notAnObjectBody: fc.Arbitrary<{ body: Buffer; label: string }> = fc.oneof(
  fc
    .constantFrom(
      'null', '0', '-0', '1e400', '"str"', '""', 'true', 'false', '[]', '[{}]', '[null]', '{', '}', '{"KeyId":}', "{'KeyId':'x'}",
      '{"KeyId":"x",}', '{"KeyId":"x"} {}', '{"KeyId":"x"}x', 'NaN', '{"a":NaN}', '{"a":Infinity}', '{"a":-Infinity}', '{"a":undefined}',
      '/* c */{}', '{}//', '\ufeff{}', '{"a":"\\x41"}', '{"a":"\\u12"}', '{"a":"\u0000"}', '{"a":01}', '{"a":1.}', '{"a":.5}', '{"a":+1}',
      '{"a":0x10}', '{"a" 1}', '{a:1}', '[1,]', ' ', '\n', '\t\t', 'undefined', '{"a":"b"', '"\\ud800"', '{"a":[}',
    )
    .map((s) => ({ body: Buffer.from(s, 'utf8'), label: `text ${JSON.stringify(s)}` })),
  fc.jsonValue().filter((v) => !isObject(v)).map((v) => ({ body: Buffer.from(JSON.stringify(v) ?? 'null'), label: 'JSON non-object' })),
  fc.integer({ min: 1, max: 150_000 }).map((n) => ({ body: Buffer.from(deepArray(n).text), label: `array nested ${n} deep` })),
  fc.integer({ min: 1, max: 100_000 }).map((n) => ({ body: Buffer.from(`${deepObject(n).text}]`), label: `object nested ${n} deep, then junk` })),
  fc
    .uint8Array({ minLength: 1, maxLength: 300 })
    .map((u) => Buffer.from(u))
    .filter((b) => !parsesToObject(b))
    .map((body) => ({ body, label: `random bytes ${body.toString('hex').slice(0, 40)}` })),
  fc
    .constantFrom([0xff], [0xfe, 0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80])
    .map((bad) => ({ body: Buffer.concat([Buffer.from(bad), Buffer.from('{}')]), label: `invalid UTF-8 ${Buffer.from(bad).toString('hex')} then {}` })),
);

function parsesToObject(b: Buffer): boolean {
  if (b.length === 0) return true; // an empty body means {}
  try {
    return isObject(JSON.parse(b.toString('utf8')));
  } catch {
    return false;
  }
}

// ---- ciphertexts that must not decrypt ---------------------------------------------------------

export const sameContext = (a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean => {
  const ea = Object.entries(a ?? {}).sort(([x], [y]) => (x < y ? -1 : 1));
  const eb = Object.entries(b ?? {}).sort(([x], [y]) => (x < y ? -1 : 1));
  return JSON.stringify(ea) === JSON.stringify(eb);
};

/** Contexts that differ from `c` (near misses included: moved boundaries, case, extra empty pair). */
export function otherContext(c: Record<string, string> | undefined): fc.Arbitrary<Record<string, string> | undefined> {
  const entries = Object.entries(c ?? {});
  const near: Array<Record<string, string> | undefined> = [undefined, {}];
  for (const [k, v] of entries) {
    const rest = Object.fromEntries(entries.filter(([x]) => x !== k));
    if (k.length > 0) near.push(withOwn(rest, k.slice(0, -1), k.slice(-1) + v));
    if (v.length > 0) near.push(withOwn(rest, k + v.slice(0, 1), v.slice(1)));
    near.push(withOwn(rest, k.toUpperCase() === k ? k.toLowerCase() : k.toUpperCase(), v));
    near.push(withOwn(rest, k, `${v} `));
    near.push(withOwn(withOwn(rest, k, v), 'zz-extra', ''));
    near.push(rest);
  }
  return fc
    .oneof(fc.constantFrom(...near), fc.dictionary(edgeString(0, 6), edgeString(0, 6), { maxKeys: 3 }))
    .filter((x) => !sameContext(x, c));
}

function withOwn(o: Record<string, string>, k: string, v: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [a, b] of Object.entries(o)) Object.defineProperty(out, a, { value: b, enumerable: true, writable: true, configurable: true });
  Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

/** A Decrypt/ReEncrypt source: the blob, the context and key named with it, the errors allowed. */
export type CtCase = { label: string; blob: string; context?: Record<string, string>; keyId?: string; allowed: string[] };

const b64buf = (b: Buffer) => b.toString('base64');
/** A lone surrogate anywhere (the server refuses such encryption contexts with ValidationException). */
export const illFormed = (s: string) => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
export const illFormedContext = (c: Record<string, string> | undefined) => Object.entries(c ?? {}).some(([k, v]) => illFormed(k) || illFormed(v));

function aliasTarget(seed: Seed, alias: string): string | undefined {
  const i = seed.aliases.indexOf(alias);
  const targets = [seed.keys.enabled, seed.keys.custom, seed.keys.custom, seed.keys.pending, seed.keys.rotated];
  return i < 0 ? undefined : targets[i];
}

/**
 * Sources that must not decrypt: corrupted / garbage blobs, right blob with a wrong (near-miss)
 * context, right blob with another key named, blobs of disabled / pending-deletion keys.
 */
export function ciphertextCases(seed: Seed, refs: KeyRefs): fc.Arbitrary<CtCase> {
  const known = (pred: (k: KnownBlob) => boolean) => fc.constantFrom(...seed.known.filter(pred));
  const anyKnown = fc.constantFrom(...seed.known);
  // A blob naming a key that does not exist here is AccessDenied "...on the resource associated
  // with this ciphertext..." (aws-observed.md X3); any other damage is InvalidCiphertext.
  const corruptTypes = [
    'InvalidCiphertextException',
    'AccessDeniedException',
    'ValidationException',
    'IncorrectKeyException',
    'DisabledException',
    'KMSInvalidStateException',
  ];
  return fc.oneof(
    fc
      .tuple(badCiphertext(refs), anyKnown, fc.boolean())
      .map(([blob, k, named]) => ({ label: 'corrupted or garbage blob', blob, context: k.context, keyId: named ? k.keyId : undefined, allowed: corruptTypes })),
    known((k) => k.expect === 'ok').chain((k) =>
      otherContext(k.context).map((context) => ({
        label: 'right blob, wrong context',
        blob: b64buf(k.blob),
        context,
        allowed: [illFormedContext(context) ? 'ValidationException' : 'InvalidCiphertextException'],
      })),
    ),
    known((k) => k.expect === 'ok').chain((k) =>
      fc
        .constantFrom(...seed.realRefs.filter((r) => !r.includes(k.keyId) && !seed.aliases.some((a) => r.endsWith(a) && aliasTarget(seed, a) === k.keyId)))
        .map((keyId) => ({ label: 'right blob, other key named', blob: b64buf(k.blob), context: k.context, keyId, allowed: ['IncorrectKeyException'] })),
    ),
    known((k) => k.expect !== 'ok').map((k) => ({ label: `blob of a key in state ${k.expect}`, blob: b64buf(k.blob), context: k.context, allowed: [k.expect] })),
  );
}

// ---- signatures -------------------------------------------------------------------------------

export const AUTH_ERRORS = [
  'MissingAuthenticationTokenException',
  'IncompleteSignatureException',
  'InvalidSignatureException',
  'UnrecognizedClientException',
  'UnknownOperationException',
];

export type Tamper = { label: string; apply: (r: RawRequest) => RawRequest; want?: string };

const withHeader = (r: RawRequest, name: string, value: string | undefined): RawRequest => {
  const headers = { ...r.headers };
  if (value === undefined) delete headers[name];
  else headers[name] = value;
  return { ...r, headers };
};
const auth = (r: RawRequest) => String(r.headers.authorization);
const editAuth = (f: (a: string) => string) => (r: RawRequest) => withHeader(r, 'authorization', f(auth(r)));

/** One way of spoiling a signed request, and the error it must get (any auth error if unset). */
export const tampers: fc.Arbitrary<Tamper> = fc.oneof(
  fc.record({ i: fc.nat(), bit: fc.nat({ max: 7 }) }).map(({ i, bit }) => ({
    label: `body bit ${bit} flipped`,
    want: 'InvalidSignatureException',
    apply: (r: RawRequest) => {
      const body = Buffer.from(r.body);
      const at = i % body.length;
      body[at] = body[at]! ^ (1 << bit);
      return { ...r, body };
    },
  })),
  fc.uint8Array({ minLength: 1, maxLength: 8 }).map((extra) => ({
    label: 'bytes appended to the body',
    want: 'InvalidSignatureException',
    apply: (r: RawRequest) => ({ ...r, body: Buffer.concat([r.body, Buffer.from(extra)]) }),
  })),
  fc.constant({ label: 'body emptied', want: 'InvalidSignatureException', apply: (r: RawRequest) => ({ ...r, body: Buffer.alloc(0) }) }),
  fc.constantFrom('TrentService.Decrypt', 'TrentService.DescribeKey', 'KmsBench.AdvanceClock').map((t) => ({
    label: `target changed to ${t}`,
    want: 'InvalidSignatureException',
    apply: (r: RawRequest) => withHeader(r, 'x-amz-target', t),
  })),
  fc.constantFrom('TrentService.Nope', 'TrentService.', 'Trent.Encrypt', 'TrentService.encrypt', '', 'TrentService.Encrypt ', 'TrentService.__proto__', 'KmsBench.constructor').map((t) => ({
    label: `target ${JSON.stringify(t)}`,
    want: 'UnknownOperationException',
    apply: (r: RawRequest) => withHeader(r, 'x-amz-target', t),
  })),
  fc.constantFrom('GET', 'PUT', 'DELETE', 'OPTIONS', 'post', 'HEAD').map((m) => ({ label: `method ${m}`, want: 'UnknownOperationException', apply: (r: RawRequest) => ({ ...r, method: m }) })),
  // Another JSON content type breaks the signature; a non-JSON one is not routed at all.
  fc.constantFrom('application/json', 'application/x-amz-json-1.0').map((ct) => ({
    label: `content-type ${ct} after signing`,
    want: 'InvalidSignatureException',
    apply: (r: RawRequest) => withHeader(r, 'content-type', ct),
  })),
  fc.constantFrom('text/plain', '').map((ct) => ({
    label: `content-type ${JSON.stringify(ct)} after signing`,
    want: 'UnknownOperationException',
    apply: (r: RawRequest) => withHeader(r, 'content-type', ct),
  })),
  fc.constantFrom('evil.example', 'kms.fuzz.local:443', 'KMS.FUZZ.LOCAL').map((h) => ({ label: `host ${h}`, want: 'InvalidSignatureException', apply: (r: RawRequest) => withHeader(r, 'host', h) })),
  // (`/./`, `/../` and `//` are not tampering: SigV4 normalises them to `/`, as AWS does.)
  fc.constantFrom('/x', '/?a=b', '/%2F', '/?X-Amz-Algorithm=AWS4-HMAC-SHA256', '/x/', '/?=').map((u) => ({
    label: `url ${u}`,
    apply: (r: RawRequest) => ({ ...r, url: u }),
  })),
  fc.integer({ min: -3600, max: 3600 }).filter((s) => s !== 0).map((s) => ({
    label: `x-amz-date moved ${s}s after signing`,
    apply: (r: RawRequest) => {
      const v = String(r.headers['x-amz-date']);
      const t = Date.UTC(+v.slice(0, 4), +v.slice(4, 6) - 1, +v.slice(6, 8), +v.slice(9, 11), +v.slice(11, 13), +v.slice(13, 15)) + s * 1000;
      return withHeader(r, 'x-amz-date', new Date(t).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, ''));
    },
  })),
  fc.constantFrom('', 'yesterday', '2024-01-01T00:00:00Z', '20240101', '99999999T999999Z', 'Mon, 01 Jan 2024 00:00:00 GMT').map((d) => ({
    label: `x-amz-date ${JSON.stringify(d)}`,
    apply: (r: RawRequest) => withHeader(r, 'x-amz-date', d),
  })),
  fc.constant({ label: 'x-amz-date removed', want: 'IncompleteSignatureException', apply: (r: RawRequest) => withHeader(r, 'x-amz-date', undefined) }),
  fc.constant({ label: 'authorization removed', want: 'MissingAuthenticationTokenException', apply: (r: RawRequest) => withHeader(r, 'authorization', undefined) }),
  fc.tuple(fc.nat(63), fc.integer({ min: 1, max: 15 })).map(([i, k]) => ({
    label: `signature hex digit ${i} changed (+${k})`,
    want: 'InvalidSignatureException',
    apply: editAuth((a) =>
      a.replace(/Signature=([0-9a-f]{64})/, (_m, s: string) => `Signature=${s.slice(0, i)}${((parseInt(s[i]!, 16) + k) % 16).toString(16)}${s.slice(i + 1)}`),
    ),
  })),
  fc.constantFrom<[string, (s: string) => string]>(
    ['truncated', (s) => s.slice(0, 63)],
    ['uppercased', (s) => s.toUpperCase()],
    ['doubled', (s) => s + s],
    ['emptied', () => ''],
    ['non-hex', (s) => 'z' + s.slice(1)],
  ).map(([name, f]) => ({
    label: `signature ${name}`,
    apply: editAuth((a) => a.replace(/Signature=([0-9a-f]{64})/, (_m, s: string) => `Signature=${f(s)}`)),
  })),
  fc.constantFrom('AKIDEXAMPLE', 'TEST', 'test ', '', 'tes', 'test\u0000').map((id) => ({
    label: `access key ${JSON.stringify(id)}`,
    apply: editAuth((a) => a.replace('Credential=test/', `Credential=${id}/`)),
  })),
  fc.constantFrom('eu-west-1', 'US-EAST-1', '', 'us_east_1').map((region) => ({
    label: `scope region ${region}`,
    want: 'InvalidSignatureException',
    apply: editAuth((a) => a.replace(`/${REGION}/`, `/${region}/`)),
  })),
  fc.constantFrom('s3', 'KMS', '').map((svc) => ({ label: `scope service ${svc}`, want: 'InvalidSignatureException', apply: editAuth((a) => a.replace('/kms/', `/${svc}/`)) })),
  fc.constantFrom('aws4_request2', 'aws3_request').map((t) => ({ label: `scope terminator ${t}`, want: 'InvalidSignatureException', apply: editAuth((a) => a.replace('aws4_request', t)) })),
  // Trailing slashes are dropped (Java's split), so an empty terminator leaves 4 elements.
  fc.constant({ label: 'scope terminator empty', want: 'IncompleteSignatureException', apply: editAuth((a) => a.replace('aws4_request', '')) }),
  fc.constantFrom('host;x-amz-date', 'content-type;x-amz-date;x-amz-target', '', 'host', 'content-type;host;x-amz-date;x-amz-target;x-extra').map((sh) => ({
    label: `SignedHeaders=${sh}`,
    want: 'InvalidSignatureException',
    apply: editAuth((a) => a.replace(/SignedHeaders=[^,\s]*/, `SignedHeaders=${sh}`)),
  })),
  fc.constantFrom('AWS4-HMAC-SHA512', 'AWS4-', 'AWS3-HMAC-SHA256', 'Bearer', 'aws4-hmac-sha256').map((alg) => ({
    label: `algorithm ${alg}`,
    apply: editAuth((a) => a.replace('AWS4-HMAC-SHA256', alg)),
  })),
  fc.string({ unit: 'binary-ascii', maxLength: 300 }).map((a) => ({ label: `authorization ${JSON.stringify(a.slice(0, 40))}`, apply: (r: RawRequest) => withHeader(r, 'authorization', a) })),
  fc.constantFrom(', , ,', 'Credential=', 'Credential=test', 'Signature=00', 'SignedHeaders=host').map((p) => ({
    label: `authorization params ${p}`,
    apply: editAuth((a) => `AWS4-HMAC-SHA256 ${p}`),
  })),
  fc.constantFrom('token', '').map((t) => ({ label: `security token ${JSON.stringify(t)} added`, want: 'UnrecognizedClientException', apply: (r: RawRequest) => withHeader(r, 'x-amz-security-token', t) })),
  fc.constantFrom('0'.repeat(64), 'UNSIGNED-PAYLOAD', 'x').map((h) => ({ label: `x-amz-content-sha256 ${h.slice(0, 12)}`, want: 'InvalidSignatureException', apply: (r: RawRequest) => withHeader(r, 'x-amz-content-sha256', h) })),
);

