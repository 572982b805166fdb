/**
 * What a listing's Marker means, asked of ListKeys and ListAliases alike: the NextMarker of a page
 * continues the listing after that page. Not a case file: it has no default export.
 *
 * @module
 */
import type { CaseContext } from '../../../harness/conformance/case.js';

/** A page of a KMS listing (ListKeys, ListAliases, …). */
interface Page {
  Truncated?: boolean;
  NextMarker?: string;
}

export interface Listing<P extends Page, E> {
  /** The listing call with this request (`Limit`, and `Marker` for the page after a first). */
  list(input: { Limit: number; Marker?: string }): Promise<P>;
  /** The entries of a page. */
  entries(page: P): E[] | undefined;
  /** What names an entry (KeyId, AliasName). */
  idOf(entry: E): string | undefined;
  /** The entries as the check labels say it: plural, and one ('keys', 'a key'). */
  plural: string;
  one: string;
}

/**
 * The first page of `limit` entries is truncated with a NextMarker; the page that marker asks for
 * has entries, and none of them was on the first page.
 */
export async function expectMarkerContinues<P extends Page, E>(t: CaseContext, limit: number, l: Listing<P, E>): Promise<void> {
  const first = await l.list({ Limit: limit });
  t.check(first.Truncated === true && typeof first.NextMarker === 'string', `the first page of ${limit} is truncated with a NextMarker`, first);
  const second = await l.list({ Limit: limit, Marker: first.NextMarker });
  const seen = new Set((l.entries(first) ?? []).map((e) => l.idOf(e)));
  t.check((l.entries(second) ?? []).length > 0, `the page after the marker has ${l.plural}`, second);
  for (const e of l.entries(second) ?? []) t.check(!seen.has(l.idOf(e)), `${l.one} of the second page is not on the first`, l.idOf(e));
}
