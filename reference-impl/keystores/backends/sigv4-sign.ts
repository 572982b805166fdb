/**
 * SigV4 signing of XKS proxy requests, as the XKS Proxy API Specification's Appendix A describes
 * (https://github.com/aws/aws-kms-xksproxy-api-spec/blob/main/xks_proxy_api_spec.md#appendix-a-using-sigv4-to-sign-xks-proxy-requests):
 * `Authorization: AWS4-HMAC-SHA256 Credential=<access key id>/<yyyymmdd>/<KMS Region>/kms-xks-proxy/aws4_request,
 * SignedHeaders=host;x-amz-date, Signature=<hex>`, the canonical request over POST, the API path
 * (`/<prefix>/kms/xks/v1/...`), an empty query string, the Host (`<server>[:<port>]`) and X-Amz-Date
 * headers and the SHA-256 of the JSON body.
 *
 * The verifying side is reference-impl/auth's `verifySigV4` with `service: 'kms-xks-proxy'`; both
 * take the date format, canonical URI, scope, string to sign and signing key from reference-impl/sigv4/.
 *
 * @module
 */
import { createHmac, hash } from 'node:crypto';
import { formatAmzDate } from '../../sigv4/amz-date.js';
import { ALGORITHM, credentialScope, deriveSigningKey, stringToSign } from '../../sigv4/signature.js';
import { canonicalizePath } from '../../sigv4/uri-encoding.js';

export const XKS_SERVICE = 'kms-xks-proxy';

const SIGNED_HEADERS = 'host;x-amz-date';

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
  const date = formatAmzDate(input.nowMs);
  const day = date.slice(0, 8);
  const scope = credentialScope(day, input.region, service);
  const canonical = ['POST', canonicalizePath(input.path), '', `host:${input.host}`, `x-amz-date:${date}`, '', SIGNED_HEADERS, hash('sha256', input.body, 'hex')].join('\n');
  const key = deriveSigningKey(input.secretAccessKey, day, input.region, service);
  const signature = createHmac('sha256', key).update(stringToSign(date, scope, hash('sha256', canonical, 'hex')), 'utf8').digest('hex');
  return {
    authorization: `${ALGORITHM} Credential=${input.accessKeyId}/${scope}, SignedHeaders=${SIGNED_HEADERS}, Signature=${signature}`,
    'x-amz-date': date,
  };
}
