/**
 * Policies of an exact byte size, for the 32 KB boundary cases. Not a case file: no default export.
 *
 * @module
 */
import type { CaseContext, CaseSource, ConformanceCase } from '../../../harness/conformance/case.js';
import { putAttachesCase, putRefusedCase } from './_put.js';
import { fullControlPolicy, root, SIZE_DOC } from './_support.js';

/** The largest key policy, in bytes (32 KB: developer guide, key policy format). */
export const MAX_POLICY_BYTES = 32_768;

/** A valid, lockout-safe policy of exactly `bytes` UTF-8 bytes (ASCII, compact JSON, padded in a condition value). */
export function policyOfSize(t: CaseContext, bytes: number): string {
  const withPad = (pad: string) =>
    fullControlPolicy(t, 'Enable IAM User Permissions', [
      {
        Sid: 'Padding',
        Effect: 'Allow',
        Principal: { AWS: root(t) },
        Action: 'kms:Encrypt',
        Resource: '*',
        Condition: { StringEquals: { 'kms:EncryptionContext:pad': pad } },
      },
    ]);
  const base = Buffer.byteLength(withPad(''), 'utf8');
  if (bytes < base) throw new Error(`a policy of ${bytes} bytes is smaller than the base policy (${base})`);
  const policy = withPad('p'.repeat(bytes - base));
  if (Buffer.byteLength(policy, 'utf8') !== bytes) throw new Error('policy size arithmetic is off');
  return policy;
}

/**
 * PutKeyPolicy of a policy of exactly `bytes`: up to {@link MAX_POLICY_BYTES} it is attached;
 * over, it is refused with LimitExceededException and the previous policy stays.
 */
export function policySizeCase(bytes: number, source: CaseSource): ConformanceCase {
  const size = bytes.toLocaleString('en-US');
  const text = { doc: SIZE_DOC, source, tags: ['policy' as const, 'limits' as const], policy: (t: CaseContext) => policyOfSize(t, bytes) };
  return bytes <= MAX_POLICY_BYTES
    ? putAttachesCase({ id: `policy.size-${bytes}-accepted`, title: `PutKeyPolicy accepts a policy of exactly ${size} bytes`, ...text })
    : putRefusedCase({
        id: `policy.size-${bytes}-refused`,
        title: `PutKeyPolicy refuses a policy of ${size} bytes with LimitExceededException and keeps the previous one`,
        ...text,
        refused: { code: 'LimitExceededException', status: 400 },
      });
}
