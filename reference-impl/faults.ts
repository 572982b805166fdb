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
  'policy-ignored': 'key policies, identity policies and grants are not evaluated: every signed request is allowed',
  'deny-not-winning': 'an explicit Deny does not override an Allow',
  'condition-keys-ignored': 'policy conditions are not evaluated: every conditioned statement applies',
  'grant-constraints-ignored': 'grant encryption-context constraints are not checked',
  'cross-account-open': 'principals of another account may use a key without the key policy and their identity policies agreeing',
  'import-ignores-expiry': 'imported key material is never deleted at its ValidTo date',
  'replica-own-material': 'ReplicateKey gives the replica fresh key material instead of the primary\'s',
  'region-ignored': "every request is served in the server's default Region, whatever Region it was signed for",
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
