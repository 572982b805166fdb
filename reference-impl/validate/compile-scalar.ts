/**
 * Compiles scalar shapes (strings, numbers, booleans, blobs, timestamps, enums) into nodes that
 * type-check and convert a JSON value (wrong type → `SerializationException`) and list which of
 * the shape's constraints it breaks, in AWS's wording and order.
 *
 * @module
 */
import type { ShapeDef } from '../../common/model/model.js';
import { decodeBase64Strict } from './base64-strict.js';
import { add, codePointLength, ser, type Node } from './decoder-node.js';
import {
  STRING_TO_BOOLEAN,
  byteBufferString,
  cannotConvert,
  inEnum,
  lengthAtLeast,
  lengthAtMost,
  matchesPattern,
  valueAtLeast,
  valueAtMost,
  violation,
} from './validation-messages.js';

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

/**
 * A blob's length or a number's value bounds (`lowest` and Infinity where the model gives none):
 * the failure of a value outside them, and the constraints as AWS lists them ([max, min]).
 */
function bounds(def: { min?: number; max?: number }, lowest: number, atLeast: (n: number) => string, atMost: (n: number) => string) {
  const lo = def.min ?? lowest;
  const hi = def.max ?? Infinity;
  const minMsg = atLeast(lo);
  const maxMsg = atMost(hi);
  const constraints: string[] = [];
  if (def.max !== undefined) constraints.push(maxMsg);
  if (def.min !== undefined) constraints.push(minMsg);
  return { outside: (n: number): string[] | null => (n < lo ? [minMsg] : n > hi ? [maxMsg] : null), constraints };
}

export function compileScalar(def: ShapeDef, leakValues: boolean): Node {
  const sensitive = def.sensitive === true && !leakValues;
  switch (def.type) {
    case 'string': {
      const { min, max, regex, pattern } = def;
      const enumSet = def.enum ? new Set(def.enum) : null;
      const enumMsg = def.enum ? inEnum(def.enumInMessage ?? def.enum) : '';
      const patternMsg = pattern !== undefined ? matchesPattern(pattern) : '';
      const lo = min ?? 0;
      const hi = max ?? Infinity;
      const length = bounds(def, 0, lengthAtLeast, lengthAtMost);
      // AWS lists an element shape's constraints as [max, min, pattern] (real ACM / Lambda messages).
      const constraints = [...length.constraints];
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
            const outside = length.outside(u > hi || u < twiceLo ? codePointLength(s) : u);
            if (outside !== null) (out ??= []).push(...outside);
          }
          return out;
        },
        constraints,
        render: (v) => v as string,
      });
    }
    case 'blob': {
      const { outside, constraints } = bounds(def, 0, lengthAtLeast, lengthAtMost);
      return scalarNode('blob', sensitive, {
        convert: (v) => (typeof v === 'string' ? decodeBase64Strict(v) : ser(cannotConvert(v, 'a Blob'))),
        failures: (v) => outside((v as Buffer).length),
        constraints,
        // `leakValues` (test-only fault echo-plaintext) prints the bytes themselves.
        render: leakValues ? (v) => (v as Buffer).toString('base64') : (v) => byteBufferString((v as Buffer).length),
      });
    }
    case 'integer':
    case 'long': {
      const { outside, constraints } = bounds(def, -Infinity, valueAtLeast, valueAtMost);
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
        failures: (v) => outside(v as number),
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
