/**
 * Helpers for the cases that check that key policies are enforced. Not a case file.
 *
 * Every policy a case attaches keeps the account root in full control (the `Admin` statement),
 * and no Deny names ScheduleKeyDeletion, so the harness can delete the key after the case on
 * any endpoint; Denies name the actions under test only.
 *
 * Identities (`t.as('bob')`, …) are the principals of harness/target/identities.ts; cases that
 * use them declare `needs: ['identities']`.
 *
 * @module
 */
import { EncryptCommand } from '@aws-sdk/client-kms';
import { defineCase, type CaseContext, type ConformanceCase } from '../../../harness/conformance/case.js';
import { root } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export const EVALUATION_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/determining-access.html';
export const CONDITIONS_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html';
export const CROSS_ACCOUNT_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html';
export const IAM_DELEGATION_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#key-policy-default-allow-root-enable-iam';
export const PERMISSIONS_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/kms-api-permissions-reference.html';
/** Where the kms:EncryptionContext:context-key condition is documented (doc and source of the cases on it). */
export const EC_CONDITION_DOC = `${CONDITIONS_DOC}#conditions-kms-encryption-context`;
export const EC_CONDITION_SOURCE = documented(EC_CONDITION_DOC);

export const admin = (t: CaseContext) => ({ Sid: 'Admin', Effect: 'Allow', Principal: { AWS: root(t) }, Action: 'kms:*', Resource: '*' });

export const statement = (effect: 'Allow' | 'Deny', principal: string | string[], action: string | string[], extra: object = {}) => ({
  Effect: effect,
  Principal: { AWS: principal },
  Action: action,
  Resource: '*',
  ...extra,
});

/**
 * A case on the kms:EncryptionContext:context-key condition (documented at {@link EC_CONDITION_DOC}):
 * Encrypt under a key policy conditioned on the encryption context.
 */
export function contextConditionCase(c: Pick<ConformanceCase, 'id' | 'title' | 'needs' | 'run'>): ConformanceCase {
  return defineCase({
    id: c.id,
    title: c.title,
    doc: EC_CONDITION_DOC,
    source: EC_CONDITION_SOURCE,
    tags: ['policy', 'encryption-context'],
    ops: ['CreateKey', 'Encrypt'],
    ...(c.needs ? { needs: c.needs } : {}),
    run: c.run,
  });
}

/** Deny kms:Encrypt to everyone when the encryption context's tenant is "blocked". */
export const TENANT_DENY = statement('Deny', '*', 'kms:Encrypt', { Sid: 'NoBlockedTenant', Condition: { StringEquals: { 'kms:EncryptionContext:tenant': 'blocked' } } });

/** A key whose policy is the Admin statement and `statements` (a prerequisite). */
export async function keyWithPolicy(t: CaseContext, ...statements: object[]) {
  return givenKey(t, { Policy: JSON.stringify({ Version: '2012-10-17', Id: 'kmsbench-enforcement', Statement: [admin(t), ...statements] }) });
}

export const plaintext = (t: CaseContext) => t.bytes(32);

/** Encrypt with `client` (default: the run's own) on `keyId`. */
export const encrypt = (t: CaseContext, keyId: string, encryptionContext?: Record<string, string>, client = t.kms) =>
  client.send(new EncryptCommand({ KeyId: keyId, Plaintext: plaintext(t), ...(encryptionContext ? { EncryptionContext: encryptionContext } : {}) }));

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Any principal ARN of `account` (users, roles, assumed-role sessions, root): AWS names the caller as authenticated. */
const caller = (account: string) => `arn:aws:(iam|sts)::${account}:\\S+`;

/**
 * AccessDeniedException message shapes (reference-impl/authz/messages.ts has the captures):
 * `User: <caller> is not authorized to perform: <action> on resource: <arn> <tail>`.
 */
export const denied = {
  explicitDeny: (account: string, action: string, resource: string) =>
    new RegExp(`^User: ${caller(account)} is not authorized to perform: ${escape(action)} on resource: ${escape(resource)} with an explicit deny in a resource-based policy$`),
  noIdentityAllow: (account: string, action: string, resource: string) =>
    new RegExp(`^User: ${caller(account)} is not authorized to perform: ${escape(action)} on resource: ${escape(resource)} because no identity-based policy allows the ${escape(action)} action$`),
  noResourceAllow: (account: string, action: string, resource: string) =>
    new RegExp(`^User: ${caller(account)} is not authorized to perform: ${escape(action)} on resource: ${escape(resource)} because no resource-based policy allows the ${escape(action)} action$`),
  crossAccount: (account: string, action: string) =>
    new RegExp(
      `^User: ${caller(account)} is not authorized to perform: ${escape(action)} on this resource because the resource does not exist in this Region, no resource-based policies allow access, or a resource-based policy explicitly denies access$`,
    ),
};
