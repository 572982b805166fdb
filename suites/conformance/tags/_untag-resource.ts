/**
 * Shared by the untag resource cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */

export const tag = (TagKey: string) => ({ TagKey, TagValue: `${TagKey}-value` });
