/**
 * Grant ids and grant tokens.
 *
 * A grant id is 64 hex characters (GrantIdType allows 1..128; AWS's are 64 hex). A grant token
 * is opaque to clients (GrantTokenType: 1..8192 characters; "Use a grant token when your
 * permission to call this operation comes from a new grant that has not yet achieved eventual
 * consistency", GrantTokens parameter in the API reference, e.g.
 * https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html). Ours
 * carries the grant id and the key ARN, sealed with an HMAC-SHA256 whose key the caller passes
 * in, so a token cannot be forged or altered: a tampered token decodes to null (the handler then
 * answers InvalidGrantTokenException).
 *
 * Layout (base64url): version 0x01 | grant id (32 bytes) | key ARN length (2 bytes BE) | key ARN
 * (UTF-8) | HMAC-SHA256 over everything before it.
 *
 * @module
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const VERSION = 0x01;
const MAC_BYTES = 32;

/** A fresh grant id: 64 lower-case hex characters. */
export const newGrantId = (): string => randomBytes(32).toString('hex');

export const isGrantId = (s: string): boolean => /^[0-9a-f]{64}$/.test(s);

export interface GrantTokenContents {
  grantId: string;
  keyArn: string;
}

const mac = (key: Buffer, data: Buffer): Buffer => createHmac('sha256', key).update(data).digest();

export function encodeGrantToken(contents: GrantTokenContents, hmacKey: Buffer): string {
  if (!isGrantId(contents.grantId)) throw new Error('grant id must be 64 hex characters');
  const arn = Buffer.from(contents.keyArn, 'utf8');
  if (arn.length > 0xffff) throw new Error('key ARN too long');
  const body = Buffer.alloc(1 + 32 + 2 + arn.length);
  body[0] = VERSION;
  Buffer.from(contents.grantId, 'hex').copy(body, 1);
  body.writeUInt16BE(arn.length, 33);
  arn.copy(body, 35);
  return Buffer.concat([body, mac(hmacKey, body)]).toString('base64url');
}

/** The token's contents, or null when it is malformed or was not sealed with `hmacKey`. */
export function decodeGrantToken(token: string, hmacKey: Buffer): GrantTokenContents | null {
  if (token.length === 0 || token.length > 8192 || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  const raw = Buffer.from(token, 'base64url');
  if (raw.length < 1 + 32 + 2 + MAC_BYTES || raw[0] !== VERSION) return null;
  const body = raw.subarray(0, raw.length - MAC_BYTES);
  const tag = raw.subarray(raw.length - MAC_BYTES);
  if (!timingSafeEqual(tag, mac(hmacKey, body))) return null;
  const arnLength = body.readUInt16BE(33);
  if (body.length !== 35 + arnLength) return null;
  return { grantId: body.subarray(1, 33).toString('hex'), keyArn: body.subarray(35).toString('utf8') };
}
