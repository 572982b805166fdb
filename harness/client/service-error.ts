/**
 * The service's answer inside an error the AWS SDK threw: a KMS error code (the error's `name`),
 * the HTTP status and the message. Anything else the SDK can throw (no `$metadata`: a network
 * failure, a bug in the caller) is not a service answer.
 *
 * @module
 */

export interface ServiceError {
  code: string;
  status: number | undefined;
  message: string;
}

/** The service's answer in `e`, or undefined when `e` is not an error the service answered with. */
export function serviceErrorOf(e: unknown): ServiceError | undefined {
  const err = e as { name?: unknown; message?: unknown; $metadata?: { httpStatusCode?: number } } | null | undefined;
  if (typeof err?.name !== 'string' || err.$metadata === undefined) return undefined;
  return { code: err.name, status: err.$metadata.httpStatusCode, message: String(err.message ?? '') };
}
