/**
 * The SigV4 parameters of a request: from the `Authorization` header (the exact layout every AWS
 * SDK writes is recognised with native `indexOf`/`startsWith`; anything else goes through a general
 * tokenizer with the same results) or, for presigned requests, from the query string.
 *
 * @module
 */
import type { IncomingHttpHeaders } from 'node:http';
import { IncompleteSignatureException, MissingAuthenticationTokenException } from '../errors.js';
import { ALGORITHM } from '../sigv4/signature.js';
import { percentDecodeToLatin1 } from '../sigv4/uri-encoding.js';
import { SIGV4_MESSAGES } from './sigv4-messages.js';

export interface AuthParts {
  /** Algorithm name as sent (`AWS4-HMAC-SHA256` expected). */
  readonly algorithm: string;
  readonly credential: string;
  readonly signedHeaders: string;
  readonly signature: string;
  readonly amzDate: string;
  readonly securityToken: string | undefined;
  /** Query pairs, already split (only for query-string auth or a non-empty query). */
  readonly query: readonly QueryPair[] | undefined;
  readonly isQueryAuth: boolean;
}

export type QueryPair = readonly [key: string, value: string];

function isSep(c: number): boolean {
  return c === 0x20 /* space */ || c === 0x2c /* , */ || c === 0x09 /* tab */;
}

/**
 * Parse `AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...`. Parameters are
 * separated by commas and/or whitespace; each must be `key=value`; the last of a repeated key
 * wins; unknown keys are ignored.
 */
export function parseAuthorizationHeader(
  header: string,
  headers: IncomingHttpHeaders,
  query: readonly QueryPair[] | undefined,
): AuthParts {
  const fast = parseCanonicalLayout(header);
  let credential: string | undefined;
  let signedHeaders: string | undefined;
  let signature: string | undefined;
  let algorithm: string;
  if (fast !== undefined) {
    algorithm = ALGORITHM;
    credential = fast[0];
    signedHeaders = fast[1];
    signature = fast[2];
  } else {
    [algorithm, credential, signedHeaders, signature] = tokenizeAuthorization(header);
  }

  const amzDate = headerString(headers['x-amz-date']) ?? headerString(headers.date);
  if (!credential || !signature || signedHeaders === undefined || amzDate === undefined) {
    let msg = '';
    if (!credential) msg += SIGV4_MESSAGES.requiresCredential + ' ';
    if (!signature) msg += SIGV4_MESSAGES.requiresSignature + ' ';
    if (signedHeaders === undefined) msg += SIGV4_MESSAGES.requiresSignedHeaders + ' ';
    if (amzDate === undefined) msg += SIGV4_MESSAGES.requiresDate + ' ';
    throw new IncompleteSignatureException(`${msg}Authorization=${header}`);
  }

  return {
    algorithm,
    credential,
    signedHeaders,
    signature,
    amzDate,
    securityToken: headerString(headers['x-amz-security-token']),
    query,
    isQueryAuth: false,
  };
}

const FAST_PREFIX = 'AWS4-HMAC-SHA256 Credential=';
const FAST_SIGNED_HEADERS = ', SignedHeaders=';
const FAST_SIGNATURE = ', Signature=';

/**
 * The exact layout every AWS SDK writes (`AWS4-HMAC-SHA256 Credential=C, SignedHeaders=H,
 * Signature=S`, no other whitespace), recognised with native `indexOf`/`startsWith` only.
 * Returns undefined for anything else, which then goes through {@link tokenizeAuthorization}; for
 * headers it accepts, both give the same result.
 */
export function parseCanonicalLayout(h: string): [string, string, string] | undefined {
  if (!h.startsWith(FAST_PREFIX) || h.includes('\t')) return undefined;
  const c0 = FAST_PREFIX.length;
  const c1 = h.indexOf(',', c0);
  if (c1 < 0 || !h.startsWith(FAST_SIGNED_HEADERS, c1) || h.indexOf(' ', c0) !== c1 + 1) return undefined;
  const sh0 = c1 + FAST_SIGNED_HEADERS.length;
  const sh1 = h.indexOf(',', sh0);
  if (sh1 < 0 || !h.startsWith(FAST_SIGNATURE, sh1) || h.indexOf(' ', sh0) !== sh1 + 1) return undefined;
  const sg0 = sh1 + FAST_SIGNATURE.length;
  if (sg0 === h.length || h.indexOf(' ', sg0) >= 0 || h.indexOf(',', sg0) >= 0) return undefined;
  const credential = h.slice(c0, c1);
  const signedHeaders = h.slice(sh0, sh1);
  // A second '=' in a value is fine for the tokenizer too (key is up to the first '='), but an
  // empty value is not what SDKs send: let the general path produce the exact error text.
  if (credential.length === 0) return undefined;
  return [credential, signedHeaders, h.slice(sg0)];
}

/** General tokenizer: returns [algorithm, Credential, SignedHeaders, Signature]. */
export function tokenizeAuthorization(header: string): [string, string | undefined, string | undefined, string | undefined] {
  let start = 0;
  let stop = header.length;
  while (start < stop && (header.charCodeAt(start) === 0x20 || header.charCodeAt(start) === 0x09)) start++;
  while (stop > start && (header.charCodeAt(stop - 1) === 0x20 || header.charCodeAt(stop - 1) === 0x09)) stop--;
  if (!header.startsWith('AWS4-', start)) throw new MissingAuthenticationTokenException(SIGV4_MESSAGES.missingToken);

  let i = start;
  while (i < stop && header.charCodeAt(i) !== 0x20 && header.charCodeAt(i) !== 0x09) i++;
  const algorithm = header.slice(start, i);

  let credential: string | undefined;
  let signedHeaders: string | undefined;
  let signature: string | undefined;
  while (i < stop) {
    while (i < stop && isSep(header.charCodeAt(i))) i++;
    if (i >= stop) break;
    const tokStart = i;
    let eq = -1;
    while (i < stop && !isSep(header.charCodeAt(i))) {
      if (eq < 0 && header.charCodeAt(i) === 0x3d /* = */) eq = i;
      i++;
    }
    if (eq < 0) {
      throw new IncompleteSignatureException(SIGV4_MESSAGES.missingEqualSign(header.slice(tokStart, i), header));
    }
    const keyLen = eq - tokStart;
    // Compare the key in place; only the three keys SigV4 defines matter.
    if (keyLen === 10 && header.startsWith('Credential', tokStart)) credential = header.slice(eq + 1, i);
    else if (keyLen === 13 && header.startsWith('SignedHeaders', tokStart)) signedHeaders = header.slice(eq + 1, i);
    else if (keyLen === 9 && header.startsWith('Signature', tokStart)) signature = header.slice(eq + 1, i);
  }

  return [algorithm, credential, signedHeaders, signature];
}

// ---------------------------------------------------------------------------------------------
// Query-string (presigned) auth — not used by KMS clients, supported for completeness
// ---------------------------------------------------------------------------------------------

export function parseQueryAuth(query: readonly QueryPair[], algorithmRaw: string): AuthParts {
  // Values are decoded to byte strings (latin1), the same form Node gives header values in.
  const algorithm = percentDecodeToLatin1(algorithmRaw);
  const credential = findQuery(query, 'X-Amz-Credential');
  const signature = findQuery(query, 'X-Amz-Signature');
  const signedHeaders = findQuery(query, 'X-Amz-SignedHeaders');
  const amzDate = findQuery(query, 'X-Amz-Date');
  if (algorithm === '' || credential === undefined || signature === undefined || signedHeaders === undefined || amzDate === undefined) {
    let msg = '';
    if (algorithm === '') msg += SIGV4_MESSAGES.queryMissing('X-Amz-Algorithm');
    if (credential === undefined) msg += SIGV4_MESSAGES.queryMissing('X-Amz-Credential');
    if (signature === undefined) msg += SIGV4_MESSAGES.queryMissing('X-Amz-Signature');
    if (signedHeaders === undefined) msg += SIGV4_MESSAGES.queryMissing('X-Amz-SignedHeaders');
    if (amzDate === undefined) msg += SIGV4_MESSAGES.queryMissing('X-Amz-Date');
    throw new IncompleteSignatureException(msg + SIGV4_MESSAGES.queryReexamine);
  }
  // scratchstack rule 7a: an unknown query-string algorithm is treated as no authentication.
  if (algorithm !== ALGORITHM) throw new MissingAuthenticationTokenException(SIGV4_MESSAGES.missingToken);
  const token = findQuery(query, 'X-Amz-Security-Token');
  return {
    algorithm,
    credential: percentDecodeToLatin1(credential),
    signedHeaders: percentDecodeToLatin1(signedHeaders),
    signature: percentDecodeToLatin1(signature),
    amzDate: percentDecodeToLatin1(amzDate),
    securityToken: token === undefined ? undefined : percentDecodeToLatin1(token),
    query,
    isQueryAuth: true,
  };
}

export function splitQuery(raw: string): QueryPair[] {
  const out: QueryPair[] = [];
  let i = 0;
  while (i <= raw.length) {
    let amp = raw.indexOf('&', i);
    if (amp < 0) amp = raw.length;
    if (amp > i) {
      const eq = raw.indexOf('=', i);
      out.push(eq < 0 || eq > amp ? [raw.slice(i, amp), ''] : [raw.slice(i, eq), raw.slice(eq + 1, amp)]);
    }
    i = amp + 1;
  }
  return out;
}

/** First value of a query parameter whose decoded name is `name`, still raw-encoded. */
export function findQuery(pairs: readonly QueryPair[], name: string): string | undefined {
  for (const [k, v] of pairs) if (k === name || (k.includes('%') && percentDecodeToLatin1(k) === name)) return v;
  return undefined;
}

export function headerString(v: string | string[] | undefined): string | undefined {
  return typeof v === 'string' ? v : v === undefined ? undefined : v[0];
}
