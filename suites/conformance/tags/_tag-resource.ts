/**
 * TagResource / ListResourceTags: result shapes and what the listing shows (aws-observed.md §4.3).
 *
 * Shared by the tag resource cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */

export const tag = (TagKey: string, TagValue = `${TagKey}-value`) => ({ TagKey, TagValue });
