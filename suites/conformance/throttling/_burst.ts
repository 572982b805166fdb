/**
 * Helpers for the throttling cases: fire a burst of one control-plane call. Not a case file.
 *
 * These cases need quotas the run controls (`needs: ['low-quota']`): the embedded reference server
 * restarted with AWS's default quotas, where ListKeyPolicies allows 100 requests per second.
 *
 * @module
 */
import type { RawReply } from '../../../harness/client/raw-client.js';
import type { CaseContext } from '../../../harness/conformance/case.js';

export const THROTTLING_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/throttling.html';
export const THROTTLING_MESSAGE = 'You have exceeded the rate at which you may call KMS. Reduce the frequency of your calls.';

/** ListKeyPolicies' default quota is 100/s: a burst of this many, sent at once, must overflow it. */
export const BURST = 300;

/** Sends `count` signed ListKeyPolicies calls at once and returns the raw replies. */
export async function listKeyPoliciesBurst(t: CaseContext, keyId: string, count = BURST): Promise<RawReply[]> {
  return Promise.all(Array.from({ length: count }, () => t.raw('ListKeyPolicies', { KeyId: keyId })));
}
