/**
 * `kmsbench serve --auth permissive`: for suites written against emulators that never checked
 * signatures. A request must still be a well-formed SigV4 request (Authorization header or
 * presigned query, date format and skew, credential scope naming a Region and
 * the `kms` service, Host signed), but its signature and security token are not checked, and any
 * access key id is accepted:
 *
 * - an id in the credential store is that principal (as in sigv4 mode);
 * - a 12-digit id (`AWS_ACCESS_KEY_ID=444455556666`) is the root of that account;
 * - any other id is the root of the server's default account.
 *
 * Everything after authentication (Region, key policies, quotas, validation) stays exact. The
 * audit log records `"authMode":"permissive"` on every request served this way.
 *
 * @module
 */
import type { CredentialLookup, CredentialRecord } from './credentials.js';
import type { SigV4Options } from './sigv4.js';

export type AuthMode = 'sigv4' | 'permissive';

/** What `verifySigV4` is given in permissive mode. */
export const PERMISSIVE_SIGV4_OPTIONS: SigV4Options = Object.freeze({ skipSignature: true });

/** Synthesised principals kept (a client cycling through ids cannot grow memory without bound). */
const MAX_SYNTHESISED = 10_000;

/** The credential store, plus a principal for every other access key id. */
export class PermissiveCredentials implements CredentialLookup {
  private readonly synthesised = new Map<string, CredentialRecord>();

  constructor(
    private readonly exact: CredentialLookup,
    private readonly defaultAccount: string,
  ) {}

  lookup(accessKeyId: string): CredentialRecord | undefined {
    const known = this.exact.lookup(accessKeyId);
    if (known) return known;
    let record = this.synthesised.get(accessKeyId);
    if (!record) {
      const accountId = /^\d{12}$/.test(accessKeyId) ? accessKeyId : this.defaultAccount;
      const principal = Object.freeze({ accountId, arn: `arn:aws:iam::${accountId}:root`, accessKeyId });
      record = Object.freeze({ accessKeyId, secretAccessKey: '', sessionToken: undefined, principal });
      if (this.synthesised.size >= MAX_SYNTHESISED) this.synthesised.clear();
      this.synthesised.set(accessKeyId, record);
    }
    return record;
  }
}
