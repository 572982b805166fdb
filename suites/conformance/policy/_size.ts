/**
 * Policies of an exact byte size, for the 32 KB boundary cases. Not a case file: no default export.
 *
 * @module
 */
import type { CaseContext } from '../../../harness/conformance/case.js';
import { fullControlPolicy, root } from './_support.js';

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
