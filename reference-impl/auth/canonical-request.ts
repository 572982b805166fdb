/**
 * The canonical request SigV4 signs, rebuilt on the server side from the request as received
 * (rules: ./README.md). Each distinct SignedHeaders list is parsed once and cached.
 *
 * @module
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { QueryPair } from './sigv4-parameters.js';
import { canonicalizePath, percentDecodeToLatin1, uriEncode } from '../sigv4/uri-encoding.js';

export interface SignedHeaders {
  /** Lower-cased names in canonical (sorted) order. */
  readonly names: readonly string[];
  /** `names.join(';')`: the line of the canonical request. */
  readonly joined: string;
  readonly hasHost: boolean;
}

/** A client sends the same SignedHeaders string on every call, so parse each distinct one once. */
const signedHeadersCache = new Map<string, SignedHeaders>();
const MAX_SIGNED_HEADER_LISTS = 512;

export function parseSignedHeaders(value: string): SignedHeaders {
  let parsed = signedHeadersCache.get(value);
  if (parsed !== undefined) return parsed;
  const lower = value.toLowerCase();
  const names = lower.length === 0 ? [] : lower.split(';');
  let sorted = true;
  for (let k = 1; k < names.length; k++) {
    if (names[k - 1]! > names[k]!) {
      sorted = false;
      break;
    }
  }
  if (!sorted) names.sort();
  parsed = Object.freeze({
    names: Object.freeze(names),
    joined: sorted ? lower : names.join(';'),
    hasHost: names.includes('host') || names.includes(':authority'),
  });
  if (signedHeadersCache.size >= MAX_SIGNED_HEADER_LISTS) signedHeadersCache.clear();
  signedHeadersCache.set(value, parsed);
  return parsed;
}

export function buildCanonicalRequest(
  method: string,
  rawPath: string,
  query: readonly QueryPair[] | undefined,
  isQueryAuth: boolean,
  signed: SignedHeaders,
  headers: IncomingHttpHeaders,
  payloadHash: string,
): string {
  let out = method + '\n' + canonicalizePath(rawPath) + '\n';
  out += query === undefined ? '' : canonicalizeQuery(query, isQueryAuth);
  out += '\n';
  const names = signed.names;
  for (let k = 0; k < names.length; k++) {
    const name = names[k]!;
    const v: unknown = headers[name];
    // A signed header that did not arrive contributes no line. (typeof guards names such as
    // "constructor" that a hostile client could list.)
    if (typeof v === 'string') out += name + ':' + normalizeHeaderValue(v) + '\n';
    else if (Array.isArray(v)) out += name + ':' + normalizeHeaderValue(v.join(',')) + '\n';
  }
  out += '\n' + signed.joined + '\n' + payloadHash;
  return out;
}

/** Trim and collapse runs of spaces/tabs to one space ("Trimall"), without allocating when clean. */
export function normalizeHeaderValue(v: string): string {
  const n = v.length;
  if (
    n === 0 ||
    (v.charCodeAt(0) !== 0x20 && v.charCodeAt(n - 1) !== 0x20 && !v.includes('  ') && !v.includes('\t'))
  ) {
    return v;
  }
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c === 0x20 || c === 0x09) {
      pendingSpace = out.length > 0;
    } else {
      if (pendingSpace) out += ' ';
      pendingSpace = false;
      out += v[i];
    }
  }
  return out;
}

/** Canonical query string: decode each pair, re-encode per RFC 3986, sort by key then value. */
export function canonicalizeQuery(pairs: readonly QueryPair[], dropSignature: boolean): string {
  const enc: [string, string][] = [];
  for (const [k, v] of pairs) {
    const key = uriEncode(percentDecodeToLatin1(k), false);
    if (dropSignature && key === 'X-Amz-Signature') continue;
    enc.push([key, uriEncode(percentDecodeToLatin1(v), false)]);
  }
  enc.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  let out = '';
  for (let i = 0; i < enc.length; i++) out += (i === 0 ? '' : '&') + enc[i]![0] + '=' + enc[i]![1];
  return out;
}
