/**
 * Deliberate faults the reference server can be started with (`--fault NAME`), so a test can
 * prove that the conformance suites catch each class of bug. Never enabled by default.
 *
 * @module
 */

export const FAULTS = {
  'ec-concat': 'encryption context bound by plain concatenation (ambiguous AAD)',
  'cancel-enables': 'CancelKeyDeletion leaves the key Enabled instead of Disabled',
  'any-window': 'deletion windows outside 7-30 days accepted',
  'ignore-key-state': 'disabled and pending-deletion keys still work for cryptographic operations',
  'no-sigv4': 'signatures are not checked (any Authorization header with a known access key passes)',
  'echo-plaintext': 'validation messages include the offending value, even when it is sensitive',
  'no-throttle': 'request quotas are not enforced',
  'verify-always-valid': 'Verify answers SignatureValid true for any signature',
  'sign-ignores-digest-type': 'Sign hashes a DIGEST message again, as if it were RAW (the digest length is still checked)',
  'mac-truncated': 'GenerateMac returns only the first 16 bytes of the MAC',
} as const;

export type FaultName = keyof typeof FAULTS;
export type FaultSet = ReadonlySet<FaultName>;

export const NO_FAULTS: FaultSet = new Set();

export function parseFaults(names: readonly string[]): Set<FaultName> {
  const out = new Set<FaultName>();
  for (const n of names) {
    if (!(n in FAULTS)) throw new Error(`unknown fault '${n}' (known: ${Object.keys(FAULTS).join(', ')})`);
    out.add(n as FaultName);
  }
  return out;
}
