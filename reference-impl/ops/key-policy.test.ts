/**
 * The key policy handlers in-process, for what the conformance suite (suites/conformance/policy,
 * key-state) does not pin down: which statements pass the lockout safety check (ops/guards.ts)
 * and that GetKeyPolicy, ListKeyPolicies and PutKeyPolicy take key ids and ARNs only.
 *
 * Sources: spec/aws-observed.md (4.4, 6.4). Lines marked INFERRED assert our documented behaviour
 * where AWS's answer is unknown.
 */
import { GetKeyPolicyCommand, ListKeyPoliciesCommand, PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { expectAbsentKeyRefused, expectAliasRefused, refusal, ROOT, inProcessKmsForFile } from '../../test/support/in-process-kms.js';

const t = inProcessKmsForFile();

const LOCKOUT = 'The new key policy will not allow you to update the key policy in the future.';

const policyDoc = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Id: 'test-policy', Statement: statements });
const allow = (Action: string | string[], principal: string = ROOT, Sid = 'Test') => ({
  Sid,
  Effect: 'Allow',
  Principal: { AWS: principal },
  Action,
  Resource: '*',
});
const ADMIN = policyDoc([allow('kms:*', ROOT, 'Admin')]);

const getPolicy = async (KeyId: string) => (await t.kms.send(new GetKeyPolicyCommand({ KeyId, PolicyName: 'default' }))).Policy!;
const putPolicy = (KeyId: string, Policy: string, BypassPolicyLockoutSafetyCheck?: boolean) =>
  t.kms.send(new PutKeyPolicyCommand({ KeyId, PolicyName: 'default', Policy, BypassPolicyLockoutSafetyCheck }));

describe('GetKeyPolicy', () => {
  it('refuses an alias name (MODEL: key id or key ARN; wording INFERRED) and answers an absent key with N1', async () => {
    await expectAliasRefused(t, 'alias/policy-test/get', 'name', getPolicy);
    await expectAbsentKeyRefused(getPolicy);
  });
});

describe('ListKeyPolicies', () => {
  it('refuses an alias ARN (wording INFERRED)', async () => {
    await expectAliasRefused(t, 'alias/policy-test/list', 'arn', (KeyId) => t.kms.send(new ListKeyPoliciesCommand({ KeyId })));
  });
});

describe('PutKeyPolicy', () => {
  it.each([
    // The policies also allow kms:GetKeyPolicy: the test reads the policy back, which the policy must allow.
    ['kms:PutKeyPolicy', policyDoc([allow(['kms:PutKeyPolicy', 'kms:GetKeyPolicy'])])],
    ['kms:Put*', policyDoc([allow(['kms:Encrypt', 'kms:Put*', 'kms:Get*'])])],
    ['a principal list containing the root', policyDoc([allow('kms:*', ROOT)]).replace(`"AWS":"${ROOT}"`, `"AWS":["arn:aws:iam::111122223333:user/x","${ROOT}"]`)],
  ])('passes the lockout safety check with %s', async (_what, policy) => {
    const key = await t.createKey();
    await putPolicy(key.KeyId!, policy);
    expect(JSON.parse(await getPolicy(key.KeyId!))).toEqual(JSON.parse(policy));
  });

  it('refuses a policy whose only kms:* grant is to another principal or is a Deny (6.4)', async () => {
    const key = await t.createKey();
    const other = policyDoc([allow('kms:*', 'arn:aws:iam::111122223333:user/someone-else')]);
    const deny = policyDoc([{ ...allow('kms:*'), Effect: 'Deny' }]);
    for (const policy of [other, deny]) {
      expect((await refusal(putPolicy(key.KeyId!, policy))).message).toBe(LOCKOUT);
    }
  });

  it('refuses an alias name (wording INFERRED)', async () => {
    await expectAliasRefused(t, 'alias/policy-test/put', 'name', (KeyId) => putPolicy(KeyId, ADMIN));
  });
});
