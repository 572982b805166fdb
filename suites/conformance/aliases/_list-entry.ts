/**
 * What ListAliases shows for a new alias (aws-observed.md §4.5, DG alias-manage): a fresh key gets
 * an alias, and each case checks one thing about the alias's entry.
 *
 * Shared by the list entry cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { defineCase, type CaseContext, type ConformanceCase } from '../../../harness/conformance/case.js';
import { aliasEntry } from '../_lib/support.js';
import { givenAlias, givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export interface ListEntry {
  behaviour: string;
  title: string;
  doc: string;
  cite: string;
  /** How CreateAlias names the key: by key id (default) or by key ARN. */
  target?: 'KeyId' | 'Arn';
  /** The checks on the alias's ListAliases entry (undefined: the alias is not listed). */
  check(t: CaseContext, entry: Record<string, unknown> | undefined, alias: { keyId: string; name: string }): void;
}

export const listEntry = (row: ListEntry): ConformanceCase =>
  defineCase({
    id: `aliases.list-entry-${row.behaviour}`,
    title: row.title,
    doc: row.doc,
    source: documented(row.cite),
    tags: ['aliases'],
    ops: ['CreateKey', 'CreateAlias', 'ListAliases'],
    async run(t) {
      const key = await givenKey(t);
      const name = await givenAlias(t, row.target === 'Arn' ? key.Arn : key.KeyId);
      row.check(t, await aliasEntry(t, key.KeyId, name), { keyId: key.KeyId, name });
    },
  });
