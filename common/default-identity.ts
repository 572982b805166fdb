/**
 * The built-in identity of the reference server: credentials `test`/`test` in account
 * `111122223333`. The server grants it by default (reference-impl/auth/credentials.ts); the
 * harness signs with it against the embedded server (and against other local endpoints, which
 * accept it too), and knows the embedded server's account from it without asking.
 *
 * @module
 */

export const DEFAULT_ACCOUNT_ID = '111122223333';
export const DEFAULT_ACCESS_KEY_ID = 'test';
export const DEFAULT_SECRET_ACCESS_KEY = 'test';

/** `test`/`test`, as a credentials value. */
export const DEFAULT_CREDENTIALS: { readonly accessKeyId: string; readonly secretAccessKey: string } = Object.freeze({
  accessKeyId: DEFAULT_ACCESS_KEY_ID,
  secretAccessKey: DEFAULT_SECRET_ACCESS_KEY,
});
