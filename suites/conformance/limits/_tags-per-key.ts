/**
 * 50 tags per key (facts sheet; aws-observed.md §6.3: 51 on CreateKey → TagException "Too many tags").
 *
 * Shared by the tags per key cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { ListResourceTagsCommand } from '@aws-sdk/client-kms';
import type { CaseContext } from '../../../harness/conformance/case.js';
import { givenKey } from '../_lib/prerequisites.js';

export const tags = (n: number, prefix = 'k') => Array.from({ length: n }, (_, i) => ({ TagKey: `${prefix}${String(i).padStart(2, '0')}`, TagValue: `v${i}` }));

/** A fresh key made with `tags(50)`: a prerequisite, whose subject limits.create-key-50-tags tests. */
export const keyWithFiftyTags = (t: CaseContext) => givenKey(t, { Tags: tags(50) }, { coveredBy: 'limits.create-key-50-tags' });

/** The key's tags as ListResourceTags lists them, all 50 on one page. */
export const fiftyTagsOf = async (t: CaseContext, keyId: string) => (await t.kms.send(new ListResourceTagsCommand({ KeyId: keyId, Limit: 50 }))).Tags;
