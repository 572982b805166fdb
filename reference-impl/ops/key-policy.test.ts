/**
 * Key policies through the unmodified AWS SDK: GetKeyPolicy, PutKeyPolicy, ListKeyPolicies and
 * CreateKey's Policy — the default policy text, round trip, lockout safety check, malformed and
 * oversized documents, id forms, key states.
 *
 * Sources: spec/aws-observed.md (4.3, 4.4, 6.4, KS-OLD table in 2.2) and spec/kms-facts.md.
 * Lines marked INFERRED assert our documented behaviour where AWS's answer is unknown.
 */
import {
  CreateAliasCommand,
  DisableKeyCommand,
  GetKeyPolicyCommand,
  ListKeyPoliciesCommand,
  ListKeysCommand,
  PutKeyPolicyCommand,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aliasArnOf, keyArnOf, members, refusal, ROOT, startInProcessKms, type InProcessKms } from '../../test/support/in-process-kms.js';

let t: InProcessKms;
beforeAll(async () => {
  t = await startInProcessKms();
});
afterAll(async () => {
  await t?.close();
});

/** aws-observed 4.4, verbatim (EX GetKeyPolicy, real CLI output), for account 111122223333. */
const DEFAULT_POLICY =
  '{\n  "Version" : "2012-10-17",\n  "Id" : "key-default-1",\n  "Statement" : [ {\n    "Sid" : "Enable IAM User Permissions",\n    "Effect" : "Allow",\n    "Principal" : {\n      "AWS" : "arn:aws:iam::111122223333:root"\n    },\n    "Action" : "kms:*",\n    "Resource" : "*"\n  } ]\n}';

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
/** Lets the root only encrypt: it could not put a policy afterwards. */
const LOCKS_OUT = policyDoc([allow('kms:Encrypt')]);

const getPolicy = async (KeyId: string) => (await t.kms.send(new GetKeyPolicyCommand({ KeyId, PolicyName: 'default' }))).Policy!;
const putPolicy = (KeyId: string, Policy: string, BypassPolicyLockoutSafetyCheck?: boolean) =>
  t.kms.send(new PutKeyPolicyCommand({ KeyId, PolicyName: 'default', Policy, BypassPolicyLockoutSafetyCheck }));

describe('GetKeyPolicy', () => {
  it('returns the default policy text exactly as KMS formats it, with PolicyName default (4.4, 4.3)', async () => {
    const key = await t.createKey();
    const out = await t.kms.send(new GetKeyPolicyCommand({ KeyId: key.KeyId, PolicyName: 'default' }));
    expect(members(out)).toEqual(['Policy', 'PolicyName']);
    expect(out.Policy).toBe(DEFAULT_POLICY);
    expect(out.PolicyName).toBe('default');
  });

  it('defaults PolicyName to default and accepts the key ARN (MODEL)', async () => {
    const key = await t.createKey();
    const out = await t.kms.send(new GetKeyPolicyCommand({ KeyId: key.Arn }));
    expect(out.Policy).toBe(DEFAULT_POLICY);
  });

  it('refuses another policy name (MODEL: only "default" is valid; code and wording INFERRED)', async () => {
    const key = await t.createKey();
    expect(await refusal(t.kms.send(new GetKeyPolicyCommand({ KeyId: key.KeyId, PolicyName: 'other' })))).toEqual({
      name: 'NotFoundException',
      message: 'Only the default policy name is supported',
      status: 400,
    });
  });

  it('refuses an alias name (MODEL: key id or key ARN; wording INFERRED) and answers an absent key with N1', async () => {
    const key = await t.createKey();
    await t.kms.send(new CreateAliasCommand({ AliasName: 'alias/policy-test/get', TargetKeyId: key.KeyId }));
    expect(await refusal(getPolicy('alias/policy-test/get'))).toEqual({
      name: 'NotFoundException',
      message: "Invalid keyId 'alias/policy-test/get'",
      status: 400,
    });
    const absent = '1234abcd-12ab-34cd-56ef-1234567890ab';
    expect((await refusal(getPolicy(absent))).message).toBe(`Key '${keyArnOf(absent)}' does not exist`);
  });
});

describe('ListKeyPolicies', () => {
  it('is exactly {PolicyNames: ["default"], Truncated: false} (4.3, LS-TEST test_get_put_list_key_policies)', async () => {
    const key = await t.createKey();
    const out = await t.kms.send(new ListKeyPoliciesCommand({ KeyId: key.Arn }));
    expect(members(out)).toEqual(['PolicyNames', 'Truncated']);
    expect(out).toMatchObject({ PolicyNames: ['default'], Truncated: false });
  });

  it('refuses an alias ARN (wording INFERRED)', async () => {
    const key = await t.createKey();
    await t.kms.send(new CreateAliasCommand({ AliasName: 'alias/policy-test/list', TargetKeyId: key.KeyId }));
    const id = aliasArnOf('alias/policy-test/list');
    expect(await refusal(t.kms.send(new ListKeyPoliciesCommand({ KeyId: id })))).toEqual({
      name: 'NotFoundException',
      message: `Invalid keyId '${id}'`,
      status: 400,
    });
  });
});

describe('PutKeyPolicy', () => {
  it('returns an empty body and GetKeyPolicy returns a JSON-equal policy (4.3, 4.4)', async () => {
    const key = await t.createKey();
    const policy = policyDoc([allow('kms:*', ROOT, 'Admin'), allow(['kms:Encrypt', 'kms:Decrypt'], `arn:aws:iam::111122223333:user/app`, 'App')]);
    const out = await putPolicy(key.KeyId!, policy);
    expect(members(out)).toEqual([]);
    expect(JSON.parse(await getPolicy(key.KeyId!))).toEqual(JSON.parse(policy));
  });

  it('accepts the key ARN', async () => {
    const key = await t.createKey();
    await putPolicy(key.Arn!, ADMIN);
    expect(JSON.parse(await getPolicy(key.KeyId!))).toEqual(JSON.parse(ADMIN));
  });

  it.each([
    ['kms:PutKeyPolicy', policyDoc([allow('kms:PutKeyPolicy')])],
    ['kms:Put*', policyDoc([allow(['kms:Encrypt', 'kms:Put*'])])],
    ['a principal list containing the root', policyDoc([allow('kms:*', ROOT)]).replace(`"AWS":"${ROOT}"`, `"AWS":["arn:aws:iam::111122223333:user/x","${ROOT}"]`)],
  ])('passes the lockout safety check with %s', async (_what, policy) => {
    const key = await t.createKey();
    await putPolicy(key.KeyId!, policy);
    expect(JSON.parse(await getPolicy(key.KeyId!))).toEqual(JSON.parse(policy));
  });

  it('refuses a policy that locks the caller out (6.4) and keeps the old one', async () => {
    const key = await t.createKey();
    expect(await refusal(putPolicy(key.KeyId!, LOCKS_OUT))).toEqual({
      name: 'MalformedPolicyDocumentException',
      message: LOCKOUT,
      status: 400,
    });
    expect(await getPolicy(key.KeyId!)).toBe(DEFAULT_POLICY);
  });

  it('refuses a policy whose only kms:* grant is to another principal or is a Deny (6.4)', async () => {
    const key = await t.createKey();
    const other = policyDoc([allow('kms:*', 'arn:aws:iam::111122223333:user/someone-else')]);
    const deny = policyDoc([{ ...allow('kms:*'), Effect: 'Deny' }]);
    for (const policy of [other, deny]) {
      expect((await refusal(putPolicy(key.KeyId!, policy))).message).toBe(LOCKOUT);
    }
  });

  it('accepts a locking-out policy with BypassPolicyLockoutSafetyCheck (MODEL)', async () => {
    const key = await t.createKey();
    await putPolicy(key.KeyId!, LOCKS_OUT, true);
    expect(JSON.parse(await getPolicy(key.KeyId!))).toEqual(JSON.parse(LOCKS_OUT));
  });

  it('refuses a document that is not JSON with a bare MalformedPolicyDocumentException (6.4: empty message)', async () => {
    const key = await t.createKey();
    const r = await refusal(putPolicy(key.KeyId!, 'not a real policy statement'));
    expect([r.name, r.status]).toEqual(['MalformedPolicyDocumentException', 400]);
    const reply = await t.raw('TrentService.PutKeyPolicy', { KeyId: key.KeyId, PolicyName: 'default', Policy: 'not a real policy statement' });
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({ __type: 'MalformedPolicyDocumentException' });
  });

  it('accepts 32768 bytes and refuses 32769 (facts sheet: policy ≤ 32 KB; code and wording INFERRED)', async () => {
    const key = await t.createKey();
    const padded = (bytes: number) => {
      const base = policyDoc([allow('kms:*', ROOT, '')]);
      return policyDoc([allow('kms:*', ROOT, 'x'.repeat(bytes - Buffer.byteLength(base)))]);
    };
    const max = padded(32768);
    expect(Buffer.byteLength(max)).toBe(32768);
    await putPolicy(key.KeyId!, max);
    expect(await getPolicy(key.KeyId!)).toBe(max);
    const over = padded(32769);
    expect(await refusal(putPolicy(key.KeyId!, over))).toEqual({
      name: 'LimitExceededException',
      message: 'Policy exceeds the maximum size of 32768 bytes.',
      status: 400,
    });
  });

  it('works in the Disabled, PendingImport and PendingDeletion states (KS-OLD: PutKeyPolicy ✓ in every state)', async () => {
    const disabled = await t.createKey();
    await t.kms.send(new DisableKeyCommand({ KeyId: disabled.KeyId }));
    const pendingImport = await t.createKey({ Origin: 'EXTERNAL' });
    const pendingDeletion = await t.createKey();
    await t.kms.send(new ScheduleKeyDeletionCommand({ KeyId: pendingDeletion.KeyId, PendingWindowInDays: 7 }));
    for (const key of [disabled, pendingImport, pendingDeletion]) {
      await putPolicy(key.KeyId!, ADMIN);
      expect(JSON.parse(await getPolicy(key.KeyId!)), key.KeyState).toEqual(JSON.parse(ADMIN));
      expect((await t.kms.send(new ListKeyPoliciesCommand({ KeyId: key.KeyId }))).PolicyNames).toEqual(['default']);
    }
  });

  it('refuses an alias name (wording INFERRED)', async () => {
    const key = await t.createKey();
    await t.kms.send(new CreateAliasCommand({ AliasName: 'alias/policy-test/put', TargetKeyId: key.KeyId }));
    expect((await refusal(putPolicy('alias/policy-test/put', ADMIN))).message).toBe("Invalid keyId 'alias/policy-test/put'");
  });
});

describe('CreateKey with a Policy', () => {
  it('stores the given policy instead of the default', async () => {
    const key = await t.createKey({ Policy: ADMIN });
    expect(JSON.parse(await getPolicy(key.KeyId!))).toEqual(JSON.parse(ADMIN));
  });

  it('applies the lockout safety check (6.4) and creates no key', async () => {
    const count = async () => (await t.kms.send(new ListKeysCommand({ Limit: 1000 }))).Keys!.length;
    const before = await count();
    expect(await refusal(t.createKey({ Policy: LOCKS_OUT }))).toEqual({
      name: 'MalformedPolicyDocumentException',
      message: LOCKOUT,
      status: 400,
    });
    expect(await count()).toBe(before);
  });

  it('accepts a locking-out policy with BypassPolicyLockoutSafetyCheck', async () => {
    const key = await t.createKey({ Policy: LOCKS_OUT, BypassPolicyLockoutSafetyCheck: true });
    expect(JSON.parse(await getPolicy(key.KeyId!))).toEqual(JSON.parse(LOCKS_OUT));
  });

  it('refuses a policy that is not JSON (6.4: aws/aws-sdk-ruby#1784, empty message)', async () => {
    const reply = await t.raw('TrentService.CreateKey', { Policy: 'not a real policy statement' });
    expect([reply.status, reply.json]).toEqual([400, { __type: 'MalformedPolicyDocumentException' }]);
  });
});
