/**
 * Helpers for the grant cases. Not a case file.
 *
 * Grants are made by the run's own credentials (the key's account); the grantee that uses them is
 * `bob` (no KMS permission of his own: harness/target/identities.ts), so what bob can do comes
 * from the grant alone.
 *
 * @module
 */
import { CreateGrantCommand, type CreateGrantCommandInput } from '@aws-sdk/client-kms';
import type { CaseContext } from '../../../harness/conformance/case.js';
import { TESTED_BY } from '../_lib/prerequisites.js';

export const GRANTS_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/grants.html';
export const CREATE_GRANT_DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateGrant.html';
export const GRANT_DELETE_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/grant-delete.html';

export const rootArn = (t: CaseContext) => `arn:aws:iam::${t.account}:root`;

/** CreateGrant by the run's credentials; the grant goes with the key when the harness deletes it. */
export async function grant(t: CaseContext, input: CreateGrantCommandInput) {
  const out = await t.kms.send(new CreateGrantCommand(input));
  t.check(typeof out.GrantId === 'string' && typeof out.GrantToken === 'string', 'CreateGrant answers GrantId and GrantToken', out);
  return { GrantId: out.GrantId!, GrantToken: out.GrantToken! };
}

/** {@link grant} as a prerequisite of a case about what the grant allows. */
export function givenGrant(t: CaseContext, input: CreateGrantCommandInput) {
  return t.given('CreateGrant gives a grant id and a grant token', () => grant(t, input), { coveredBy: TESTED_BY.createGrant });
}
