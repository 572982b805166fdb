/**
 * AWS's wording for protocol-level errors (see spec/aws-observed.md).
 *
 * @module
 */

export const protocolMsg = {
  /** Bare code, as AWS JSON 1.1 services answer (aws-observed.md P7). */
  unknownOperation: '',
  malformedJson: 'Start of structure or map found where not expected.',
  unrecognizedClient: 'The security token included in the request is invalid.',
  notImplemented: (op: string) => `The kmsbench reference server does not implement ${op} yet.`,
  internal: 'An internal error occurred.',
  bodyTooLarge: (limit: number) => `Request body is larger than ${limit} bytes.`,
  requestTimeout: 'Reading the request timed out.',
} as const;
