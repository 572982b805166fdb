/**
 * Request authentication for the reference KMS server: the credential store and SigV4
 * verification. See credentials.ts and sigv4.ts.
 *
 * Typical use at the protocol edge (after the body has been read):
 *
 * ```ts
 * const store = createCredentialStore(options.credentialsFile); // once, at start-up
 * const { principal, region } = verifySigV4(
 *   { method: req.method!, rawUrl: req.url!, headers: req.headers, body },
 *   store,
 *   Date.now(), // real wall time, never the controllable key-lifecycle clock
 * );
 * ```
 *
 * @module
 */
export {
  CredentialStore,
  CredentialsConfigError,
  CredentialsFileSchema,
  createCredentialStore,
  loadCredentialsFile,
  parseCredentialsFile,
  DEFAULT_ACCESS_KEY_ID,
  DEFAULT_ACCOUNT_ID,
  DEFAULT_PRINCIPAL_ARN,
  DEFAULT_SECRET_ACCESS_KEY,
  type CredentialLookup,
  type CredentialRecord,
  type CredentialsFile,
  type CredentialsFileInput,
  type Principal,
} from './credentials.js';
export {
  verifySigV4,
  SIGV4_MESSAGES,
  canonicalizePath,
  canonicalizeQuery,
  deriveSigningKey,
  formatAmzDate,
  normalizeHeaderValue,
  parseAmzDate,
  FixedKeyHmac,
  type SigV4Options,
  type SigV4Request,
  type VerifiedSigV4,
} from './sigv4.js';
