/**
 * The fixed parts of an AWS Signature Version 4 (`AWS4-HMAC-SHA256`): the credential scope, the
 * string to sign and the signing key. Shared by the verifier (auth/) and the signer of XKS proxy
 * requests (keystores/backends/sigv4-sign.ts), so both sides compute one signature one way.
 *
 * @module
 */
import { createHmac } from 'node:crypto';

export const ALGORITHM = 'AWS4-HMAC-SHA256';
export const TERMINATOR = 'aws4_request';

/** `<yyyymmdd>/<region>/<service>/aws4_request`. */
export function credentialScope(day: string, region: string, service: string): string {
  return `${day}/${region}/${service}/${TERMINATOR}`;
}

/** `AWS4-HMAC-SHA256 \n <X-Amz-Date> \n <scope> \n <hex SHA-256 of the canonical request>`. */
export function stringToSign(amzDate: string, scope: string, canonicalRequestHashHex: string): string {
  return `${ALGORITHM}\n${amzDate}\n${scope}\n${canonicalRequestHashHex}`;
}

/** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). */
export function deriveSigningKey(secret: string, date: string, region: string, service: string): Buffer {
  const kDate = createHmac('sha256', 'AWS4' + secret).update(date, 'latin1').digest();
  const kRegion = createHmac('sha256', kDate).update(region, 'latin1').digest();
  const kService = createHmac('sha256', kRegion).update(service, 'latin1').digest();
  return createHmac('sha256', kService).update(TERMINATOR, 'latin1').digest();
}
