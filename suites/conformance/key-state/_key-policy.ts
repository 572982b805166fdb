/**
 * Shared by the key policy cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import type { CaseSource } from '../../../harness/conformance/case.js';
import { GetKeyPolicyCommand, PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import { stateCase, type StateName } from './_support.js';

/** Key policies are read and written in every state (aws-observed.md §2.2: GetKeyPolicy, PutKeyPolicy, ListKeyPolicies ✓). */
/** A policy that keeps the caller's account in full control (passes the lockout safety check). */
export const policyFor = (account: string, sid: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Id: 'kmsbench-key-state',
    Statement: [{ Sid: sid, Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'kms:*', Resource: '*' }],
  });

export const getAllowed = (state: StateName, source: CaseSource) =>
  stateCase({
    state,
    behaviour: 'get-key-policy-allowed',
    title: `GetKeyPolicy on a ${state} key returns its policy`,
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyPolicy.html',
    source,
    tags: ['key-state', 'policy'],
    ops: ['GetKeyPolicy'],
    async body(t, key) {
      const out = await t.kms.send(new GetKeyPolicyCommand({ KeyId: key.KeyId, PolicyName: 'default' }));
      const doc = JSON.parse(out.Policy ?? 'null') as { Statement?: unknown[] } | null;
      t.check(Array.isArray(doc?.Statement) && doc!.Statement.length > 0, 'the policy is a JSON document with statements', out.Policy);
    },
  });

export const putAllowed = (state: StateName, source: CaseSource) =>
  stateCase({
    state,
    behaviour: 'put-key-policy-allowed',
    title: `PutKeyPolicy on a ${state} key succeeds and GetKeyPolicy returns the new policy`,
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html',
    source,
    tags: ['key-state', 'policy'],
    ops: ['PutKeyPolicy', 'GetKeyPolicy'],
    async body(t, key) {
      const policy = policyFor(t.account, `Put while ${state}`);
      await t.kms.send(new PutKeyPolicyCommand({ KeyId: key.KeyId, PolicyName: 'default', Policy: policy }));
      const out = await t.kms.send(new GetKeyPolicyCommand({ KeyId: key.KeyId, PolicyName: 'default' }));
      t.expectEqual(JSON.parse(out.Policy ?? 'null'), JSON.parse(policy), 'policy after PutKeyPolicy (JSON-equal)');
    },
  });
