/**
 * RFC 3986 encoding and percent-decoding of byte strings (one char per byte, latin1), as SigV4's
 * canonical request needs them, and the canonical URI of a path.
 *
 * @module
 */

const HEX = '0123456789ABCDEF';

function isUnreserved(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e || c === 0x5f || c === 0x7e
  );
}

/**
 * RFC 3986 encoding of a byte string (one char per byte, latin1), `/` kept when `keepSlash`.
 * Characters above U+00FF (never produced by Node's parser) are encoded as UTF-8.
 */
export function uriEncode(s: string, keepSlash: boolean): string {
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (!(isUnreserved(c) || (keepSlash && c === 0x2f))) break;
    i++;
  }
  if (i === n) return s;
  let out = s.slice(0, i);
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (isUnreserved(c) || (keepSlash && c === 0x2f)) out += s[i];
    else if (c <= 0xff) out += '%' + HEX[c >> 4] + HEX[c & 15];
    else {
      const cp = s.codePointAt(i)!;
      if (cp > 0xffff) i++;
      for (const b of Buffer.from(String.fromCodePoint(cp), 'utf8')) out += '%' + HEX[b >> 4] + HEX[b & 15];
    }
  }
  return out;
}

function hexVal(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/** Decode `%XX` into a byte string (latin1). Malformed escapes are kept literally. */
export function percentDecodeToLatin1(s: string): string {
  if (!s.includes('%')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x25 && i + 2 < s.length && hexVal(s.charCodeAt(i + 1)) >= 0 && hexVal(s.charCodeAt(i + 2)) >= 0) {
      out += String.fromCharCode((hexVal(s.charCodeAt(i + 1)) << 4) | hexVal(s.charCodeAt(i + 2)));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

/**
 * Canonical URI of a raw (wire) path: remove `.`/`..` and empty segments, keep a leading and a
 * trailing `/`, then URI-encode again (SigV4 encodes non-S3 paths twice: the wire form once more).
 */
export function canonicalizePath(rawPath: string): string {
  if (rawPath === '/' || rawPath === '') return '/';
  const segments: string[] = [];
  for (const seg of rawPath.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') segments.pop();
    else segments.push(seg);
  }
  const normalized =
    (rawPath.charCodeAt(0) === 0x2f ? '/' : '') +
    segments.join('/') +
    (segments.length > 0 && rawPath.charCodeAt(rawPath.length - 1) === 0x2f ? '/' : '');
  return uriEncode(normalized, true);
}
