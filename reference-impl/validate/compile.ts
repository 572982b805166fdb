/**
 * Compiles a shape table (common/model/model.ts, or any table of the same form) into
 * request decoders that behave like AWS's: deserialize the JSON body (wrong JSON type →
 * `SerializationException`, first one wins), convert it (base64 → `Buffer`, epoch seconds →
 * `Date`, nulls and unknown members dropped), then report every constraint violation at once
 * (`ValidationException`, AWS's wording, at most 10). See ./validation-messages.ts for the evidence behind
 * each message.
 *
 * Everything is built once per shape; a call walks closures only. Paths are only built as
 * strings for nested members and only when something is reported.
 *
 * @module
 */
import { SerializationException, ValidationException } from '../errors.js';
import type { ShapeDef } from '../../common/model/model.js';
import {
  BASE64_BAD_CHAR,
  BASE64_LAST_CHAR,
  EXPECTED_LIST,
  EXPECTED_MAP,
  EXPECTED_STRUCTURE,
  MAX_REPORTED_VALIDATION_ERRORS,
  NOT_NULL,
  REDACTED,
  START_OF_LIST,
  START_OF_OBJECT,
  STRING_TO_BOOLEAN,
  base64LengthMessage,
  byteBufferString,
  cannotConvert,
  elementsSatisfy,
  inEnum,
  lengthAtLeast,
  lengthAtMost,
  lowerFirst,
  mapKeysSatisfy,
  mapValuesSatisfy,
  matchesPattern,
  validationMessage,
  valueAtLeast,
  valueAtMost,
  violation,
} from './validation-messages.js';

export type ShapeTable = Readonly<Record<string, ShapeDef>>;

/** Collected violations of one call. */
export interface Report {
  errors: string[] | null;
}

/**
 * A compiled shape.
 * - `decode(v, path, report)`: v is neither null nor undefined. Throws SerializationException on a
 *   wrong JSON type, adds constraint violations at `path` to `report`, returns the converted value.
 * - scalars also have `convert` (type check + conversion only) and `failures` (which of the
 *   shape's constraints a converted value breaks, in reporting order), used where AWS reports a
 *   collection's elements as one error; `constraints` lists all of them, as AWS lists them there.
 * - `render(converted)`: the value as AWS (Java) prints it; `undefined` when the shape is sensitive.
 */
interface Node {
  readonly kind: ShapeDef['type'];
  readonly sensitive: boolean;
  decode(v: unknown, path: string, report: Report): unknown;
  render(v: unknown): string | undefined;
  readonly convert?: (v: unknown) => unknown;
  readonly failures?: (v: unknown) => string[] | null;
  readonly constraints?: readonly string[];
}

const ser = (message: string): never => {
  throw new SerializationException(message);
};

function add(report: Report, message: string): void {
  const errors = report.errors ?? (report.errors = []);
  if (errors.length < MAX_REPORTED_VALIDATION_ERRORS) errors.push(message);
}

const join = (path: string, name: string): string => (path === '' ? name : `${path}.${name}`);

/** Length in code points (a lone surrogate counts as one), as Smithy/Coral count string length. */
export function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

function setOwn(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

// ---- base64 -------------------------------------------------------------------------------

const B64 = new Int16Array(128).fill(-1);
for (const [i, c] of [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].entries()) B64[c.charCodeAt(0)] = i;
const EMPTY = Buffer.alloc(0);

/**
 * Strict base64 (standard alphabet, padded, canonical), as Coral decodes blobs. Node's decoder is
 * lenient (skips junk, takes the URL-safe alphabet), so the fast path decodes and checks the
 * length it must have produced; anything else takes the slow path, which names the problem.
 * Messages never quote the input.
 */
export function decodeBase64Strict(s: string): Buffer {
  const len = s.length;
  if (len === 0) return EMPTY;
  if ((len & 3) !== 0) ser(base64LengthMessage(len));
  const pad = s.charCodeAt(len - 1) === 61 ? (s.charCodeAt(len - 2) === 61 ? 2 : 1) : 0;
  const buf = Buffer.from(s, 'base64');
  if (buf.length !== (len >> 2) * 3 - pad || s.indexOf('-') !== -1 || s.indexOf('_') !== -1) base64SlowPath(s, pad);
  if (pad !== 0) {
    const last = B64[s.charCodeAt(len - 1 - pad)];
    if ((pad === 1 ? last & 3 : last & 15) !== 0) ser(BASE64_LAST_CHAR);
  }
  return buf;
}

function base64SlowPath(s: string, pad: number): never {
  const end = s.length - pad;
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 61) ser(BASE64_LAST_CHAR); // '=' before the end
    if (c >= 128 || B64[c] < 0) ser(BASE64_BAD_CHAR);
  }
  return ser(BASE64_BAD_CHAR); // unreachable for consistent inputs; never silently accept
}

// ---- scalars ------------------------------------------------------------------------------

interface ScalarParts {
  convert(v: unknown): unknown;
  failures(v: unknown): string[] | null;
  constraints: string[];
  render(v: unknown): string;
}

function scalarNode(kind: ShapeDef['type'], sensitive: boolean, p: ScalarParts): Node {
  const { convert, failures, render } = p;
  const renderOrHide = sensitive ? () => undefined : render;
  const hasConstraints = p.constraints.length > 0;
  return {
    kind,
    sensitive,
    convert,
    failures,
    constraints: p.constraints,
    render: renderOrHide,
    decode: hasConstraints
      ? (v, path, report) => {
          const c = convert(v);
          const f = failures(c);
          if (f !== null) {
            const shown = renderOrHide(c);
            for (const msg of f) add(report, violation(shown, path, msg));
          }
          return c;
        }
      : (v) => convert(v),
  };
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', 't', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', 'f', '0']);
const TWO_63 = 2 ** 63;

function compileScalar(def: ShapeDef, leakValues: boolean): Node {
  const sensitive = def.sensitive === true && !leakValues;
  switch (def.type) {
    case 'string': {
      const { min, max, regex, pattern } = def;
      const enumSet = def.enum ? new Set(def.enum) : null;
      const enumMsg = def.enum ? inEnum(def.enumInMessage ?? def.enum) : '';
      const patternMsg = pattern !== undefined ? matchesPattern(pattern) : '';
      const lo = min ?? 0;
      const hi = max ?? Infinity;
      const minMsg = lengthAtLeast(lo);
      const maxMsg = max !== undefined ? lengthAtMost(max) : '';
      // AWS lists an element shape's constraints as [max, min, pattern] (real ACM / Lambda messages).
      const constraints: string[] = [];
      if (max !== undefined) constraints.push(maxMsg);
      if (min !== undefined) constraints.push(minMsg);
      if (pattern !== undefined) constraints.push(patternMsg);
      if (def.enum) constraints.push(enumMsg);
      const checkLength = min !== undefined || max !== undefined;
      const twiceLo = 2 * lo;
      return scalarNode('string', sensitive, {
        convert: (v) => (typeof v === 'string' ? v : ser(cannotConvert(v, 'a String'))),
        failures: (v) => {
          const s = v as string;
          let out: string[] | null = null;
          if (enumSet !== null && !enumSet.has(s)) (out ??= []).push(enumMsg);
          // When both the pattern and the length fail AWS reports the pattern first
          // (real DynamoDB `tableName`, Firehose, Cognito `userCode` messages).
          if (regex !== undefined && !regex.test(s)) (out ??= []).push(patternMsg);
          if (checkLength) {
            const u = s.length;
            const n = u > hi || u < twiceLo ? codePointLength(s) : u;
            if (n < lo) (out ??= []).push(minMsg);
            else if (n > hi) (out ??= []).push(maxMsg);
          }
          return out;
        },
        constraints,
        render: (v) => v as string,
      });
    }
    case 'blob': {
      const lo = def.min ?? 0;
      const hi = def.max ?? Infinity;
      const minMsg = lengthAtLeast(lo);
      const maxMsg = lengthAtMost(hi);
      const constraints: string[] = [];
      if (def.max !== undefined) constraints.push(maxMsg);
      if (def.min !== undefined) constraints.push(minMsg);
      return scalarNode('blob', sensitive, {
        convert: (v) => (typeof v === 'string' ? decodeBase64Strict(v) : ser(cannotConvert(v, 'a Blob'))),
        failures: (v) => {
          const n = (v as Buffer).length;
          return n < lo ? [minMsg] : n > hi ? [maxMsg] : null;
        },
        constraints,
        // `leakValues` (test-only fault echo-plaintext) prints the bytes themselves.
        render: leakValues ? (v) => (v as Buffer).toString('base64') : (v) => byteBufferString((v as Buffer).length),
      });
    }
    case 'integer':
    case 'long': {
      const lo = def.min ?? -Infinity;
      const hi = def.max ?? Infinity;
      const minMsg = valueAtLeast(lo);
      const maxMsg = valueAtMost(hi);
      const constraints: string[] = [];
      if (def.max !== undefined) constraints.push(maxMsg);
      if (def.min !== undefined) constraints.push(minMsg);
      const target = def.type === 'integer' ? 'an Integer' : 'a Long';
      return scalarNode(def.type, sensitive, {
        // Coral truncates a fractional number toward zero (Athena measured `1.5` -> 1; dynalite
        // floors); a number beyond the signed 64-bit range does not deserialize and gets no message.
        convert: (v) => {
          if (typeof v !== 'number') return ser(cannotConvert(v, target));
          const n = Math.trunc(v);
          if (!(n < TWO_63 && n >= -TWO_63)) ser('');
          return n === 0 ? 0 : n; // no -0
        },
        failures: (v) => {
          const n = v as number;
          return n < lo ? [minMsg] : n > hi ? [maxMsg] : null;
        },
        constraints,
        render: (v) => (Number.isSafeInteger(v) ? String(v) : BigInt(v as number).toString()),
      });
    }
    case 'boolean':
      return scalarNode('boolean', sensitive, {
        // Coral also reads the strings true/yes/y/t/1 and false/no/n/f/0 (any case) as booleans.
        convert: (v) => {
          if (typeof v === 'boolean') return v;
          if (typeof v === 'string') {
            const w = v.toLowerCase();
            if (TRUE_WORDS.has(w)) return true;
            if (FALSE_WORDS.has(w)) return false;
            return ser(STRING_TO_BOOLEAN);
          }
          return ser(cannotConvert(v, 'a Boolean'));
        },
        failures: () => null,
        constraints: [],
        render: (v) => String(v),
      });
    case 'timestamp':
      return scalarNode('timestamp', sensitive, {
        // AWS JSON 1.1: epoch seconds, fractions allowed.
        convert: (v) => (typeof v === 'number' && Number.isFinite(v) ? new Date(v * 1000) : ser(cannotConvert(v, 'a Timestamp'))),
        failures: () => null,
        constraints: [],
        render: (v) => (v as Date).toISOString(),
      });
    default:
      throw new Error(`not a scalar shape: ${def.type}`);
  }
}

// ---- aggregates ---------------------------------------------------------------------------

/** Compiles every shape of `shapes` reachable from the ones asked for; memoized per table. */
export class Compiler {
  private readonly nodes = new Map<string, Node>();

  /**
   * @param options.leakValues test-only (fault `echo-plaintext`): messages quote every value,
   *   sensitive or not, blobs included — the bug the conformance suite must catch.
   */
  constructor(
    private readonly shapes: ShapeTable,
    private readonly options: { leakValues?: boolean } = {},
  ) {}

  node(name: string): Node {
    const done = this.nodes.get(name);
    if (done) return done;
    const def = this.shapes[name];
    if (!def) throw new Error(`unknown shape ${name}`);
    let node: Node;
    switch (def.type) {
      case 'structure':
        node = this.structure(name, def);
        break;
      case 'list':
        node = this.list(def);
        break;
      case 'map':
        node = this.map(def);
        break;
      default:
        node = compileScalar(def, this.options.leakValues === true);
    }
    this.nodes.set(name, node);
    return node;
  }

  private structure(name: string, def: Extract<ShapeDef, { type: 'structure' }>): Node {
    const required = new Set(def.required ?? []);
    const members = Object.entries(def.members).map(([wire, target]) => {
      const node = this.node(target);
      return { wire, path: lowerFirst(wire), node, required: required.has(wire), sensitive: node.sensitive };
    });
    const sensitive = def.sensitive === true;
    return {
      kind: 'structure',
      sensitive,
      decode: (v, path, report) => {
        if (typeof v !== 'object' || v === null) return ser(EXPECTED_STRUCTURE);
        if (Array.isArray(v)) return ser(START_OF_LIST);
        const obj = v as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (let i = 0; i < members.length; i++) {
          const m = members[i];
          // Member names are PascalCase, so no lookup can hit an Object.prototype property.
          const raw = obj[m.wire];
          if (raw === undefined || raw === null) {
            // An explicit null is the same as an absent member (Athena measured).
            if (m.required) add(report, violation(m.sensitive ? undefined : null, join(path, m.path), NOT_NULL));
            continue;
          }
          out[m.wire] = m.node.decode(raw, path === '' ? m.path : `${path}.${m.path}`, report);
        }
        return out;
      },
      render: sensitive
        ? () => undefined
        : (v) => {
            const o = v as Record<string, unknown>;
            const parts: string[] = [];
            for (const m of members) {
              if (o[m.wire] === undefined) continue;
              parts.push(`${m.path}=${m.node.render(o[m.wire]) ?? REDACTED}`);
            }
            return `${name}(${parts.join(', ')})`;
          },
    };
  }

  private list(def: Extract<ShapeDef, { type: 'list' }>): Node {
    const el = this.node(def.member);
    const lo = def.min ?? 0;
    const hi = def.max ?? Infinity;
    const hasLength = def.min !== undefined || def.max !== undefined;
    const sensitive = def.sensitive === true || el.sensitive;
    const render = (v: unknown): string | undefined => {
      if (sensitive) return undefined;
      return `[${(v as unknown[]).map((e) => el.render(e)).join(', ')}]`;
    };
    const scalar = el.convert !== undefined;
    const elementMsg = scalar && el.constraints!.length > 0 ? elementsSatisfy(el.constraints!) : null;
    return {
      kind: 'list',
      sensitive,
      render,
      decode: (v, path, report) => {
        if (!Array.isArray(v)) return ser(typeof v === 'object' ? START_OF_OBJECT : EXPECTED_LIST);
        const out: unknown[] = [];
        if (scalar) {
          // Nulls inside a list are dropped (Athena measured).
          for (let i = 0; i < v.length; i++) if (v[i] !== null && v[i] !== undefined) out.push(el.convert!(v[i]));
          if (hasLength && (out.length < lo || out.length > hi)) {
            add(report, violation(render(out), path, out.length < lo ? lengthAtLeast(lo) : lengthAtMost(hi)));
          }
          if (elementMsg !== null) {
            for (let i = 0; i < out.length; i++) {
              if (el.failures!(out[i]) !== null) {
                add(report, violation(render(out), path, elementMsg));
                break;
              }
            }
          }
          return out;
        }
        // The list's own length error comes before its elements' errors (kinesalite, after real
        // Kinesis: `records` length, then `records.1.member...`), so collect those aside first.
        const inner: Report = hasLength ? { errors: null } : report;
        for (let i = 0; i < v.length; i++) {
          if (v[i] === null || v[i] === undefined) continue;
          out.push(el.decode(v[i], `${path}.${i + 1}.member`, inner));
        }
        if (hasLength) {
          if (out.length < lo || out.length > hi) {
            add(report, violation(render(out), path, out.length < lo ? lengthAtLeast(lo) : lengthAtMost(hi)));
          }
          if (inner.errors !== null) for (const e of inner.errors) add(report, e);
        }
        return out;
      },
    };
  }

  private map(def: Extract<ShapeDef, { type: 'map' }>): Node {
    const key = this.node(def.key);
    const val = this.node(def.value);
    if (key.convert === undefined || key.kind !== 'string') throw new Error('map keys must be strings');
    const lo = def.min ?? 0;
    const hi = def.max ?? Infinity;
    const hasLength = def.min !== undefined || def.max !== undefined;
    const sensitive = def.sensitive === true || key.sensitive || val.sensitive;
    const render = (v: unknown): string | undefined => {
      if (sensitive) return undefined;
      const parts: string[] = [];
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) parts.push(`${k}=${val.render(x)}`);
      return `{${parts.join(', ')}}`;
    };
    const keyMsg = key.constraints!.length > 0 ? mapKeysSatisfy(key.constraints!) : null;
    const scalarValue = val.convert !== undefined;
    const valueMsg = scalarValue && val.constraints!.length > 0 ? mapValuesSatisfy(val.constraints!) : null;
    const plainStrings = keyMsg === null && valueMsg === null && !hasLength && scalarValue && val.kind === 'string';
    return {
      kind: 'map',
      sensitive,
      render,
      decode: (v, path, report) => {
        if (typeof v !== 'object' || v === null) return ser(EXPECTED_MAP);
        if (Array.isArray(v)) return ser(START_OF_LIST);
        const obj = v as Record<string, unknown>;
        if (plainStrings) {
          // The common case (EncryptionContext): check in place, copy only to drop nulls.
          let nulls = false;
          for (const k in obj) {
            const x = obj[k];
            if (typeof x !== 'string') {
              if (x === null) nulls = true;
              else val.convert!(x);
            }
          }
          if (!nulls) return obj;
        }
        const out: Record<string, unknown> = {};
        let n = 0;
        for (const k of Object.keys(obj)) {
          const x = obj[k];
          if (x === null || x === undefined) continue; // dropped, like list elements
          setOwn(out, k, scalarValue ? val.convert!(x) : val.decode(x, `${path}.${k}.member`, report));
          n++;
        }
        if (hasLength && (n < lo || n > hi)) add(report, violation(render(out), path, n < lo ? lengthAtLeast(lo) : lengthAtMost(hi)));
        if (keyMsg !== null) {
          for (const k of Object.keys(out)) {
            if (key.failures!(k) !== null) {
              add(report, violation(render(out), path, keyMsg));
              break;
            }
          }
        }
        if (valueMsg !== null) {
          for (const k of Object.keys(out)) {
            if (val.failures!(out[k]) !== null) {
              add(report, violation(render(out), path, valueMsg));
              break;
            }
          }
        }
        return out;
      },
    };
  }
}

/** A request decoder: JSON body in, converted value out, or the AWS error thrown. */
export type RequestDecoder = (body: unknown) => unknown;

/**
 * The decoder for requests whose body is the structure `shape`. The body must be a JSON object:
 * an array gets `Start of list found where not expected`, anything else (null, a string, a
 * number — what a non-JSON or empty body parses to) a SerializationException without a message,
 * as measured on Athena.
 */
export function compileRequestDecoder(compiler: Compiler, shape: string): RequestDecoder {
  const node = compiler.node(shape);
  if (node.kind !== 'structure') throw new Error(`${shape} is not a structure`);
  return (body) => {
    if (typeof body !== 'object' || body === null) return ser('');
    if (Array.isArray(body)) return ser(START_OF_LIST);
    const report: Report = { errors: null };
    const out = node.decode(body, '', report);
    if (report.errors !== null) throw new ValidationException(validationMessage(report.errors));
    return out;
  };
}
