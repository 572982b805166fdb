/**
 * Description is 0..8192 characters (facts sheet; MODEL DescriptionType).
 *
 * Shared by the description length cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */

export const text = (n: number) => 'd'.repeat(n);
