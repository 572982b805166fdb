/**
 * Strict base64, as Coral decodes blobs.
 *
 * @module
 */
import { ser } from './decoder-node.js';
import {
  BASE64_BAD_CHAR,
  BASE64_LAST_CHAR,
  base64LengthMessage,
} from './validation-messages.js';

const B64 = new Int16Array(128).fill(-1);
for (const [i, c] of [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].entries()) B64[c.charCodeAt(0)] = i;
const EMPTY = Buffer.alloc(0);

/**
 * Strict base64 (standard alphabet, padded, canonical), as Coral decodes blobs. Node's decoder is
 * lenient (skips junk, takes the URL-safe alphabet), so the fast path decodes and checks the
 * length it must have produced; anything else takes the slow path, which names the problem.
 * Messages never quote the input.
 */
export function decodeBase64Strict(s: string): Buffer {
  const len = s.length;
  if (len === 0) return EMPTY;
  if ((len & 3) !== 0) ser(base64LengthMessage(len));
  const pad = s.charCodeAt(len - 1) === 61 ? (s.charCodeAt(len - 2) === 61 ? 2 : 1) : 0;
  const buf = Buffer.from(s, 'base64');
  if (buf.length !== (len >> 2) * 3 - pad || s.indexOf('-') !== -1 || s.indexOf('_') !== -1) base64SlowPath(s, pad);
  if (pad !== 0) {
    const last = B64[s.charCodeAt(len - 1 - pad)];
    if ((pad === 1 ? last & 3 : last & 15) !== 0) ser(BASE64_LAST_CHAR);
  }
  return buf;
}

function base64SlowPath(s: string, pad: number): never {
  const end = s.length - pad;
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 61) ser(BASE64_LAST_CHAR); // '=' before the end
    if (c >= 128 || B64[c] < 0) ser(BASE64_BAD_CHAR);
  }
  return ser(BASE64_BAD_CHAR); // unreachable for consistent inputs; never silently accept
}
