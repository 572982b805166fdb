/**
 * AWS's texts for SigV4 refusals, in one place; functions build the variable ones. Sources:
 * ./README.md.
 *
 * @module
 */

/** AWS's texts, one place. Functions build the variable ones. */
export const SIGV4_MESSAGES = {
  missingToken: 'Request is missing Authentication Token',
  requiresCredential: "Authorization header requires 'Credential' parameter.",
  requiresSignature: "Authorization header requires 'Signature' parameter.",
  requiresSignedHeaders: "Authorization header requires 'SignedHeaders' parameter.",
  requiresDate: "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
  missingEqualSign: (token: string, header: string) =>
    `'${token}' not a valid key=value pair (missing equal-sign) in Authorization header: '${header}'.`,
  badDate: (value: string) =>
    `Date must be in ISO-8601 'basic format'. Got '${value}'. See http://en.wikipedia.org/wiki/ISO_8601`,
  expired: (req: string, earliest: string, now: string, minutes: string) =>
    `Signature expired: ${req} is now earlier than ${earliest} (${now} - ${minutes} min.)`,
  notYetCurrent: (req: string, latest: string, now: string, minutes: string) =>
    `Signature not yet current: ${req} is still later than ${latest} (${now} + ${minutes} min.)`,
  hostNotSigned: "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
  unsupportedAlgorithm: (alg: string) => `Unsupported AWS 'algorithm': '${alg}' (only AWS4-HMAC-SHA256 for now). `,
  credentialParts: (credential: string) =>
    `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`,
  badRegion: (region: string) => `Credential should be scoped to a valid region, not '${region}'. `,
  badService: (service: string) => `Credential should be scoped to correct service: '${service}'. `,
  badTerminator: (term: string) => `Credential should be scoped with a valid terminator: 'aws4_request', not '${term}'. `,
  badScopeDate: (scopeDate: string, expected: string, from: string) =>
    `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${expected}', from '${from}'.`,
  unknownKey: 'The security token included in the request is invalid.',
  invalidToken: 'The security token included in the request is invalid.',
  signatureMismatch:
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
  signatureMismatchDetail: (canonical: string, stringToSign: string) =>
    `${SIGV4_MESSAGES.signatureMismatch}\n\nThe Canonical String for this request should have been\n'${canonical}'\n\nThe String-to-Sign should have been\n'${stringToSign}'\n`,
  bothAuthForms: "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.",
  queryMissing: (param: string) => `AWS query-string parameters must include '${param}'. `,
  queryReexamine: 'Re-examine the query-string parameters.',
} as const;
