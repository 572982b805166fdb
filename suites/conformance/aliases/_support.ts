/**
 * Helpers for the alias cases. Not a case file: it has no default export.
 *
 * @module
 */
import type { CaseContext } from '../../../harness/conformance/case.js';
import { resolveAlias } from '../_lib/support.js';
import { givenAlias } from '../_lib/prerequisites.js';
import { putInState, type Key } from '../key-state/_support.js';

/** Gives `key` an alias, then puts the key in PendingDeletion (both prerequisites); returns the alias name. */
export async function aliasOfDoomedKey(t: CaseContext, key: Key, options: { wait?: boolean } = {}): Promise<string> {
  const name = await givenAlias(t, key.KeyId, options);
  await putInState(t, key, 'PendingDeletion');
  return name;
}

/** Checks that the alias `name` names the key `keyId` (waiting briefly for it to do so). */
export async function expectAliasNames(t: CaseContext, name: string, keyId: string): Promise<void> {
  t.expectEqual(await resolveAlias(t, name, keyId), keyId, 'the key the alias names');
}

/**
 * `refused` — a call pointing the alias `name` at another key (CreateAlias of the name, UpdateAlias)
 * — is refused with `code` (HTTP 400), and the alias still names its key `keyId`.
 */
export async function expectAliasStays(t: CaseContext, name: string, keyId: string, refused: Promise<unknown>, code: string): Promise<void> {
  await t.expectError(refused, { code, status: 400 });
  await expectAliasNames(t, name, keyId);
}
