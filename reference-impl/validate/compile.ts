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
import { ValidationException } from '../errors.js';
import type { ShapeDef } from '../../common/model/model.js';
import {
  EXPECTED_LIST,
  EXPECTED_MAP,
  EXPECTED_STRUCTURE,
  NOT_NULL,
  REDACTED,
  START_OF_LIST,
  START_OF_OBJECT,
  elementsSatisfy,
  lengthAtLeast,
  lengthAtMost,
  lowerFirst,
  mapKeysSatisfy,
  mapValuesSatisfy,
  validationMessage,
  violation,
} from './validation-messages.js';
import { compileScalar } from './compile-scalar.js';
import { add, join, ser, setOwn, type Node, type Report, type ShapeTable } from './decoder-node.js';

export type { ShapeTable } from './decoder-node.js';

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
