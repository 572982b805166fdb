/**
 * Alias names are 1..256 characters including "alias/" (facts sheet; MODEL AliasNameType).
 *
 * Shared by the alias name length cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */

/** The case's own alias name, padded with "x" to exactly `length` characters. */
export const padded = (base: string, length: number) => `${base}-${'x'.repeat(Math.max(0, length - base.length - 1))}`;
