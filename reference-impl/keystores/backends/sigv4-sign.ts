/**
 * SigV4 signing of XKS proxy requests, as the XKS Proxy API Specification's Appendix A describes
 * (https://github.com/aws/aws-kms-xksproxy-api-spec/blob/main/xks_proxy_api_spec.md#appendix-a-using-sigv4-to-sign-xks-proxy-requests):
 * `Authorization: AWS4-HMAC-SHA256 Credential=<access key id>/<yyyymmdd>/<KMS Region>/kms-xks-proxy/aws4_request,
 * SignedHeaders=host;x-amz-date, Signature=<hex>`, the canonical request over POST, the API path
 * (`/<prefix>/kms/xks/v1/...`), an empty query string, the Host (`<server>[:<port>]`) and X-Amz-Date
 * headers and the SHA-256 of the JSON body.
 *
 * The verifying side is reference-impl/auth's `verifySigV4` with `service: 'kms-xks-proxy'`.
 *
 * @module
 */
import { createHash, createHmac } from 'node:crypto';

export const XKS_SERVICE = 'kms-xks-proxy';

const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();

/** `YYYYMMDD'T'HHMMSS'Z'`. */
export const amzDate = (ms: number): string => new Date(ms).toISOString().replace(/[-:]/gu, '').replace(/\.\d{3}/u, '');

/** RFC 3986 encoding of each path segment (non-S3 services encode the already-encoded path again). */
const canonicalUri = (rawPath: string): string =>
  rawPath
    .split('/')
    .map((seg) => encodeURIComponent(seg).replace(/[!'()*]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');

export interface SignInput {
  /** `host[:port]` as sent in the Host header. */
  readonly host: string;
  /** Request path as sent (no query). */
  readonly path: string;
  readonly body: Buffer;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly region: string;
  readonly nowMs: number;
  readonly service?: string;
}

/** The headers to add to a POST: Authorization and X-Amz-Date (Host is the caller's). */
export function signXksRequest(input: SignInput): { authorization: string; 'x-amz-date': string } {
  const service = input.service ?? XKS_SERVICE;
  const date = amzDate(input.nowMs);
  const day = date.slice(0, 8);
  const scope = `${day}/${input.region}/${service}/aws4_request`;
  const canonical = ['POST', canonicalUri(input.path), '', `host:${input.host}`, `x-amz-date:${date}`, '', 'host;x-amz-date', sha256Hex(input.body)].join('\n');
  const stringToSign = ['AWS4-HMAC-SHA256', date, scope, sha256Hex(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${input.secretAccessKey}`, day), input.region), service), 'aws4_request');
  const signature = createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
  return {
    authorization: `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope}, SignedHeaders=host;x-amz-date, Signature=${signature}`,
    'x-amz-date': date,
  };
}
