/**
 * Shared by the list resource tags pages cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */

export const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ TagKey: `t${String(i).padStart(2, '0')}`, TagValue: `v${i}` }));
