/**
 * Case factories for PutKeyPolicy: a policy attached (GetKeyPolicy then returns it), or refused
 * (GetKeyPolicy still returns the policy the key had). Not a case file: no default export.
 *
 * @module
 */
import { PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import { defineCase, type CaseContext, type CaseSource, type CaseTag, type ConformanceCase, type ExpectedError } from '../../../harness/conformance/case.js';
import type { OperationName } from '../../../common/model/model.js';
import { givenKey, TESTED_BY } from '../_lib/prerequisites.js';
import { givenPolicy, parsed, policyOf } from './_support.js';
import { refused } from '../_lib/support.js';

export interface PutCaseText {
  id: string;
  title: string;
  doc: string;
  source: CaseSource;
  /** Default `['policy']`. */
  tags?: CaseTag[];
}

/** A case's metadata, in the order every case gives it. */
const metadata = (c: PutCaseText, ops: OperationName[]) => ({
  id: c.id,
  title: c.title,
  doc: c.doc,
  source: c.source,
  tags: c.tags ?? (['policy'] as CaseTag[]),
  ops,
});

const put = (t: CaseContext, KeyId: string, Policy: string, PolicyName = 'default', bypass = false) =>
  t.kms.send(new PutKeyPolicyCommand({ KeyId, PolicyName, Policy, ...(bypass ? { BypassPolicyLockoutSafetyCheck: true } : {}) }));

/**
 * PutKeyPolicy of `policy` (with BypassPolicyLockoutSafetyCheck where `bypass`; over a `first`
 * policy attached before, as a prerequisite, where given) succeeds, and GetKeyPolicy then returns
 * a policy JSON-equal to it (aws-observed.md §4.4: a byte-exact round trip is not known).
 */
export function putAttachesCase(c: PutCaseText & { policy(t: CaseContext): string; bypass?: boolean; first?(t: CaseContext): string }): ConformanceCase {
  const what = c.first ? 'policy after the second PutKeyPolicy' : c.bypass ? 'policy after PutKeyPolicy with the bypass' : 'policy after PutKeyPolicy';
  return defineCase({
    ...metadata(c, ['CreateKey', 'PutKeyPolicy', 'GetKeyPolicy']),
    async run(t) {
      const key = await givenKey(t);
      const first = c.first?.(t);
      const policy = c.policy(t);
      if (first !== undefined) {
        await t.given('PutKeyPolicy attaches a first policy', () => put(t, key.KeyId, first), { coveredBy: TESTED_BY.putKeyPolicy });
      }
      await put(t, key.KeyId, policy, 'default', c.bypass);
      t.expectEqual(parsed(t, await policyOf(t, key.KeyId), 'the returned policy'), JSON.parse(policy), what);
    },
  });
}

/**
 * PutKeyPolicy of `policy` (under `policyName`, default `default`) is refused — as `refused` says,
 * or, where AWS's code is not recorded, with any HTTP 400 — and GetKeyPolicy still returns the
 * default policy the key had.
 */
export function putRefusedCase(c: PutCaseText & { policy(t: CaseContext): string; policyName?: string; refused?: ExpectedError }): ConformanceCase {
  const name = c.policyName ?? 'default';
  return defineCase({
    ...metadata(c, ['CreateKey', 'PutKeyPolicy', 'GetKeyPolicy']),
    async run(t) {
      const key = await givenKey(t);
      const before = await givenPolicy(t, key.KeyId);
      if (c.refused) {
        await t.expectError(put(t, key.KeyId, c.policy(t), name), c.refused);
      } else {
        const r = await refused(t, put(t, key.KeyId, c.policy(t), name), `PutKeyPolicy with PolicyName "${name}"`);
        t.expectEqual(r.status, 400, `HTTP status of the refusal (${r.code})`);
      }
      t.expectEqual(await policyOf(t, key.KeyId), before, `${name === 'default' ? '' : 'default '}policy after the refused PutKeyPolicy`);
    },
  });
}

/** PutKeyPolicy of the document `policy` is accepted, or refused as `refused` says. */
export function putDocumentCase(c: PutCaseText & { policy(t: CaseContext): string; refused?: ExpectedError }): ConformanceCase {
  return defineCase({
    ...metadata(c, ['CreateKey', 'PutKeyPolicy']),
    async run(t) {
      const key = await givenKey(t);
      if (c.refused) await t.expectError(put(t, key.KeyId, c.policy(t)), c.refused);
      else await put(t, key.KeyId, c.policy(t));
    },
  });
}
