/**
 * Helpers for the key-policy cases. Not a case file: it has no default export.
 *
 * Policies the cases attach always keep a way to clean up: the lockout-bypass cases use a policy
 * that still lets the account describe the key, read its policy and schedule its deletion, so the
 * harness can delete the key after the case on real AWS too.
 *
 * @module
 */
import { CreateKeyCommand, GetKeyPolicyCommand, ScheduleKeyDeletionCommand, type CreateKeyCommandInput } from '@aws-sdk/client-kms';
import type { CaseContext } from '../../../harness/conformance/case.js';

export const DEFAULT_POLICY_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#key-policy-default-allow-root-enable-iam';
export const PUT_DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html';
export const GET_DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyPolicy.html';
export const LOCKOUT_DOC = `${PUT_DOC}#KMS-PutKeyPolicy-request-BypassPolicyLockoutSafetyCheck`;
/** The key policy size limit (32 KB) is stated on the key policy overview page. */
export const SIZE_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html#key-policy-format';

/** aws-observed.md 6.4 (terraform-provider-aws acceptance tests; PutKeyPolicy and CreateKey). */
export const LOCKOUT_MESSAGE = 'The new key policy will not allow you to update the key policy in the future.';

export const root = (t: CaseContext) => `arn:aws:iam::${t.account}:root`;

/** A policy that keeps the account in full control (passes the lockout safety check). */
export function fullControlPolicy(t: CaseContext, sid = 'Enable IAM User Permissions', extra: object[] = []): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Id: 'kmsbench-conformance',
    Statement: [{ Sid: sid, Effect: 'Allow', Principal: { AWS: root(t) }, Action: 'kms:*', Resource: '*' }, ...extra],
  });
}

/**
 * A policy that fails the lockout safety check: the account may describe the key, read its policy
 * and schedule (or cancel) its deletion, but not change the policy again.
 */
export function lockoutPolicy(t: CaseContext): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Id: 'kmsbench-lockout',
    Statement: [
      {
        Sid: 'Read and delete only',
        Effect: 'Allow',
        Principal: { AWS: root(t) },
        Action: ['kms:DescribeKey', 'kms:GetKeyPolicy', 'kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion'],
        Resource: '*',
      },
    ],
  });
}

export async function policyOf(t: CaseContext, keyId: string): Promise<string> {
  const out = await t.kms.send(new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default' }));
  t.check(typeof out.Policy === 'string', 'GetKeyPolicy returns a Policy', out);
  return out.Policy!;
}

/** The key's current policy, read as a prerequisite (the baseline a case compares with). */
export function givenPolicy(t: CaseContext, keyId: string): Promise<string> {
  return t.given('GetKeyPolicy reads the current policy', () => policyOf(t, keyId), { coveredBy: 'policy.get-returns-policy-name' });
}

/** Parses a policy document for JSON-equality checks (aws-observed.md 4.4: byte-exact round trip unknown). */
export function parsed(t: CaseContext, text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    t.check(false, `${what} is JSON`, text);
    throw new Error('unreachable');
  }
}

/**
 * CreateKey that the case expects to be refused: sent directly (so the SDK error reaches
 * t.expectError untouched); should the endpoint create the key anyway, it is scheduled for
 * deletion after the case like any other.
 */
export async function createKeyExpectingRefusal(t: CaseContext, input: CreateKeyCommandInput) {
  const out = await t.kms.send(new CreateKeyCommand(input));
  const keyId = out.KeyMetadata?.KeyId;
  if (keyId) t.cleanup(() => t.kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 })));
  return out;
}
