/**
 * 50 tags per key (facts sheet; aws-observed.md §6.3: 51 on CreateKey → TagException "Too many tags").
 *
 * Shared by the tags per key cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */

export const tags = (n: number, prefix = 'k') => Array.from({ length: n }, (_, i) => ({ TagKey: `${prefix}${String(i).padStart(2, '0')}`, TagValue: `v${i}` }));
