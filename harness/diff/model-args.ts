/**
 * Argument choices read from the service model: enum values (plus one that is not), integer
 * bounds (min, max, one past each), string lengths (max and one past it). Each choice favours
 * typical valid values; the boundary and invalid ones come less often, and shrinking moves
 * towards the first (typical) value.
 *
 * @module
 */
import fc from 'fast-check';
import { SHAPES, type ShapeDef } from '../../common/model/index.js';

export type ShapeName = keyof typeof SHAPES;

export function shapeOf(name: ShapeName): ShapeDef {
  return SHAPES[name] as ShapeDef;
}

/** The enum values the model lists for a string shape. */
export function enumOf(name: ShapeName): readonly string[] {
  const s = shapeOf(name);
  if (s.type !== 'string' || !s.enum) throw new TypeError(`${name} is not an enum`);
  return s.enum;
}

/** A value no enum of the model has (upper-case, like the real ones). */
export const NOT_AN_ENUM_VALUE = 'NOT_A_VALUE';

export function boundsOf(name: ShapeName): { min?: number; max?: number } {
  const s = shapeOf(name);
  if (s.type === 'structure' || s.type === 'boolean' || s.type === 'timestamp') return {};
  return { ...(s.min !== undefined ? { min: s.min } : {}), ...(s.max !== undefined ? { max: s.max } : {}) };
}

/**
 * An enum member: `typical` values most of the time (which must be in the model's enum), any
 * other value of the enum sometimes, a value outside it rarely.
 */
export function enumArg(name: ShapeName, typical: readonly string[]): fc.Arbitrary<string> {
  const all = enumOf(name);
  for (const t of typical) if (!all.includes(t)) throw new TypeError(`${t} is not a ${name}`);
  return fc.oneof(
    { arbitrary: fc.constantFrom(...typical), weight: 8 },
    { arbitrary: fc.constantFrom(...all), weight: 2 },
    { arbitrary: fc.constant(NOT_AN_ENUM_VALUE), weight: 1 },
  );
}

/** An integer: `typical` values, else the model's bounds, else one past them (plus `extra` edges the documentation adds). */
export function intArg(name: ShapeName, typical: readonly number[], extra: readonly number[] = []): fc.Arbitrary<number> {
  const { min, max } = boundsOf(name);
  const edges = [min, max].filter((n): n is number => n !== undefined);
  const outside = [...(min !== undefined ? [min - 1] : []), ...(max !== undefined ? [max + 1] : []), ...extra];
  return fc.oneof(
    { arbitrary: fc.constantFrom(...typical), weight: 8 },
    ...(edges.length ? [{ arbitrary: fc.constantFrom(...edges), weight: 2 }] : []),
    ...(outside.length ? [{ arbitrary: fc.constantFrom(...outside), weight: 1 }] : []),
  );
}

/** A string of `fill`: `typical` values, else exactly the model's max length (or min), else one past it. */
export function stringArg(name: ShapeName, typical: readonly string[], fill = 'x'): fc.Arbitrary<string> {
  const { min, max } = boundsOf(name);
  const edges = [...(max !== undefined ? [fill.repeat(max)] : []), ...(min !== undefined ? [fill.repeat(min)] : [])];
  const outside = [...(max !== undefined ? [fill.repeat(max + 1)] : []), ...(min !== undefined && min > 0 ? [fill.repeat(min - 1)] : [])];
  return fc.oneof(
    { arbitrary: fc.constantFrom(...typical), weight: 8 },
    ...(edges.length ? [{ arbitrary: fc.constantFrom(...edges), weight: 1 }] : []),
    ...(outside.length ? [{ arbitrary: fc.constantFrom(...outside), weight: 1 }] : []),
  );
}

/** The members the model requires in an operation's input structure. */
export function requiredOf(name: ShapeName): readonly string[] {
  const s = shapeOf(name);
  return s.type === 'structure' ? (s.required ?? []) : [];
}
