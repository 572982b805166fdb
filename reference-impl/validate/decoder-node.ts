/**
 * What every compiled shape is ({@link Node}), the report its constraint violations go to, and the
 * small helpers the compilers of scalars (./compile-scalar.ts) and of structures, lists and maps
 * (./compile.ts) share.
 *
 * @module
 */
import { SerializationException } from '../errors.js';
import type { ShapeDef } from '../../common/model/model.js';
import { MAX_REPORTED_VALIDATION_ERRORS } from './validation-messages.js';

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
export interface Node {
  readonly kind: ShapeDef['type'];
  readonly sensitive: boolean;
  decode(v: unknown, path: string, report: Report): unknown;
  render(v: unknown): string | undefined;
  readonly convert?: (v: unknown) => unknown;
  readonly failures?: (v: unknown) => string[] | null;
  readonly constraints?: readonly string[];
}

export const ser = (message: string): never => {
  throw new SerializationException(message);
};

export function add(report: Report, message: string): void {
  const errors = report.errors ?? (report.errors = []);
  if (errors.length < MAX_REPORTED_VALIDATION_ERRORS) errors.push(message);
}

export const join = (path: string, name: string): string => (path === '' ? name : `${path}.${name}`);

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

export function setOwn(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}
