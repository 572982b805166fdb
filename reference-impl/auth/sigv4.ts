/**
 * AWS Signature Version 4 verification for the reference KMS server.
 *
 * {@link verifySigV4} accepts exactly what unmodified AWS clients send (SDK for JavaScript v3,
 * AWS CLI, boto3/botocore: header-signed `POST /` with `X-Amz-Date`) and rejects everything else
 * with the error code and message AWS's JSON-protocol front end (Coral) gives, in the same order.
 * Where those codes, messages and that order come from, how the canonical request is built and
 * what a verification costs: ./README.md. No regular expressions; error messages are only built
 * on failure.
 *
 * @module
 */

import { hash as oneShotHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import {
  IncompleteSignatureException,
  InvalidSignatureException,
  MissingAuthenticationTokenException,
  UnrecognizedClientException,
  type KmsError,
} from '../errors.js';
import { formatAmzDate, parseAmzDate, skewMinutes } from '../sigv4/amz-date.js';
import { ALGORITHM, stringToSign as buildStringToSign, TERMINATOR } from '../sigv4/signature.js';
import { buildCanonicalRequest, parseSignedHeaders } from './canonical-request.js';
import type { CredentialLookup, Principal } from './credentials.js';
import { secretsEqual, sha256HexLatin1, signaturesEqual, signingKey } from './signing-key.js';
import { SIGV4_MESSAGES } from './sigv4-messages.js';
import { findQuery, headerString, parseAuthorizationHeader, parseQueryAuth, splitQuery, type AuthParts } from './sigv4-parameters.js';

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

/** The parts of an HTTP request SigV4 covers. */
export interface SigV4Request {
  /** HTTP method as received (`POST`). */
  readonly method: string;
  /** Request target as received: path plus optional `?query`, still percent-encoded (`req.url`). */
  readonly rawUrl: string;
  /** Node's `req.headers`: lower-case names, values decoded as latin1. */
  readonly headers: IncomingHttpHeaders;
  /** The complete request body. */
  readonly body: Buffer;
}

/** A request whose signature checked out. */
export interface VerifiedSigV4 {
  readonly principal: Principal;
  /** Region from the credential scope: the region the client thinks it is talking to. */
  readonly region: string;
  /** Service from the credential scope (always the expected service). */
  readonly service: string;
}

export interface SigV4Options {
  /** Service name the credential scope must name. Default `kms`. */
  readonly service?: string;
  /**
   * Which scope regions are accepted. Default: any non-empty name of `[a-z0-9-]` (so clients can
   * use any region with a custom endpoint). Rejected regions get "Credential should be scoped to a
   * valid region, not '<r>'. ".
   */
  readonly isValidRegion?: (region: string) => boolean;
  /** Allowed clock skew either way. Default 5 minutes (the value in AWS's messages for KMS). */
  readonly maxSkewMs?: number;
  /**
   * Check only that the request is well formed: skip the signature and security-token checks
   * (steps 10-11). For `--auth permissive` (auth/permissive.ts) only.
   */
  readonly skipSignature?: boolean;
}

const DEFAULT_SERVICE = 'kms';
const DEFAULT_SKEW_MS = 5 * 60_000;

/**
 * Verify a SigV4-signed request. `nowMs` is real wall-clock time (never the server's
 * controllable key-lifecycle clock). Returns who signed it, or throws the {@link KmsError} AWS
 * would answer with: `MissingAuthenticationTokenException`, `IncompleteSignatureException`,
 * `InvalidSignatureException` or `UnrecognizedClientException`.
 */
export function verifySigV4(
  request: SigV4Request,
  credentials: CredentialLookup,
  nowMs: number,
  options?: SigV4Options,
): VerifiedSigV4 {
  const service = options?.service ?? DEFAULT_SERVICE;
  const maxSkewMs = options?.maxSkewMs ?? DEFAULT_SKEW_MS;
  const headers = request.headers;

  // --- split the request target (KMS clients always send "/") ---
  const rawUrl = request.rawUrl;
  const q = rawUrl.indexOf('?');
  const rawPath = q < 0 ? rawUrl : rawUrl.slice(0, q);
  const rawQuery = q < 0 ? '' : rawUrl.slice(q + 1);
  const queryPairs = rawQuery.length === 0 ? undefined : splitQuery(rawQuery);

  // --- 1-2. find the auth material ---
  const authHeader = headerString(headers.authorization);
  let parts: AuthParts;
  const queryAlgorithm = queryPairs === undefined ? undefined : findQuery(queryPairs, 'X-Amz-Algorithm');
  if (queryAlgorithm !== undefined) {
    if (authHeader !== undefined) throw new InvalidSignatureException(SIGV4_MESSAGES.bothAuthForms);
    parts = parseQueryAuth(queryPairs!, queryAlgorithm);
  } else {
    if (authHeader === undefined) throw new MissingAuthenticationTokenException(SIGV4_MESSAGES.missingToken);
    parts = parseAuthorizationHeader(authHeader, headers, queryPairs);
  }

  // --- 3. date format ---
  const requestMs = parseAmzDate(parts.amzDate);
  if (requestMs < 0) throw new IncompleteSignatureException(SIGV4_MESSAGES.badDate(parts.amzDate));

  // --- 4. clock skew ---
  if (requestMs < nowMs - maxSkewMs) {
    throw new InvalidSignatureException(
      SIGV4_MESSAGES.expired(formatAmzDate(requestMs), formatAmzDate(nowMs - maxSkewMs), formatAmzDate(nowMs), skewMinutes(maxSkewMs)),
    );
  }
  if (requestMs > nowMs + maxSkewMs) {
    throw new InvalidSignatureException(
      SIGV4_MESSAGES.notYetCurrent(formatAmzDate(requestMs), formatAmzDate(nowMs + maxSkewMs), formatAmzDate(nowMs), skewMinutes(maxSkewMs)),
    );
  }

  // --- 5. Host must be signed (names compared case-insensitively) ---
  const signed = parseSignedHeaders(parts.signedHeaders);
  if (!signed.hasHost) throw new InvalidSignatureException(SIGV4_MESSAGES.hostNotSigned);

  // --- 6. algorithm ---
  if (parts.algorithm !== ALGORITHM) {
    throw new IncompleteSignatureException(SIGV4_MESSAGES.unsupportedAlgorithm(parts.algorithm));
  }

  // --- 7. credential shape: key/date/region/service/term. AWS splits like Java's String.split,
  //        which drops trailing empty elements, so trailing slashes are ignored. ---
  const credentialRaw = parts.credential;
  let end = credentialRaw.length;
  while (end > 0 && credentialRaw.charCodeAt(end - 1) === 0x2f) end--;
  const credential = end === credentialRaw.length ? credentialRaw : credentialRaw.slice(0, end);
  const s1 = credential.indexOf('/');
  const s2 = s1 < 0 ? -1 : credential.indexOf('/', s1 + 1);
  const s3 = s2 < 0 ? -1 : credential.indexOf('/', s2 + 1);
  const s4 = s3 < 0 ? -1 : credential.indexOf('/', s3 + 1);
  if (s4 < 0 || credential.indexOf('/', s4 + 1) >= 0) {
    throw new IncompleteSignatureException(SIGV4_MESSAGES.credentialParts(credentialRaw));
  }
  const accessKeyId = credential.slice(0, s1);
  const scopeDate = credential.slice(s1 + 1, s2);
  const region = credential.slice(s2 + 1, s3);
  const scopeService = credential.slice(s3 + 1, s4);
  const terminator = credential.slice(s4 + 1);

  // --- 8. credential scope ---
  // parseAmzDate accepted exactly YYYYMMDDTHHMMSSZ, so the day is its first 8 characters.
  const dayOk = scopeDate.length === 8 && parts.amzDate.startsWith(scopeDate);
  const regionOk = options?.isValidRegion ? options.isValidRegion(region) : isPlausibleRegion(region);
  if (!regionOk || scopeService !== service || terminator !== TERMINATOR || !dayOk) {
    const requestDay = parts.amzDate.slice(0, 8);
    let msg = '';
    if (!regionOk) msg += SIGV4_MESSAGES.badRegion(region);
    if (scopeService !== service) msg += SIGV4_MESSAGES.badService(service);
    if (terminator !== TERMINATOR) msg += SIGV4_MESSAGES.badTerminator(terminator);
    if (!dayOk) msg += SIGV4_MESSAGES.badScopeDate(scopeDate, requestDay, parts.amzDate);
    throw new InvalidSignatureException(msg);
  }

  // --- 9. access key ---
  const record = credentials.lookup(accessKeyId);
  if (record === undefined) throw new UnrecognizedClientException(SIGV4_MESSAGES.unknownKey);

  if (options?.skipSignature) return { principal: record.principal, region, service: scopeService };

  // --- 10. signature ---
  const payloadHash = oneShotHash('sha256', request.body, 'hex');
  const canonical = buildCanonicalRequest(request.method, rawPath, parts.query, parts.isQueryAuth, signed, headers, payloadHash);
  const scope = credential.slice(s1 + 1);
  const stringToSign = buildStringToSign(parts.amzDate, scope, sha256HexLatin1(canonical));
  const expected = signingKey(record, scope, scopeDate, region, scopeService).hmacHex(stringToSign);

  const claimedPayloadHash = parts.isQueryAuth ? undefined : headerString(headers['x-amz-content-sha256']);
  if (!signaturesEqual(parts.signature, expected) || (claimedPayloadHash !== undefined && claimedPayloadHash !== payloadHash)) {
    throw new InvalidSignatureException(
      SIGV4_MESSAGES.signatureMismatchDetail(latin1ToUtf8(canonical), latin1ToUtf8(stringToSign)),
    );
  }

  // --- 11. security token ---
  const token = parts.securityToken;
  if (record.sessionToken === undefined ? token !== undefined : token === undefined || !secretsEqual(token, record.sessionToken)) {
    throw new UnrecognizedClientException(SIGV4_MESSAGES.invalidToken);
  }

  return { principal: record.principal, region, service: scopeService };
}

function isPlausibleRegion(r: string): boolean {
  if (r.length === 0 || r.length > 64) return false;
  for (let i = 0; i < r.length; i++) {
    const c = r.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d)) return false;
  }
  return true;
}

function latin1ToUtf8(s: string): string {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return Buffer.from(s, 'latin1').toString('utf8');
  return s;
}
