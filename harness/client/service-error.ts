/**
 * The service's answer inside an error the AWS SDK threw: a KMS error code (the error's `name`),
 * the HTTP status and the message. Anything else the SDK can throw (no `$metadata`: a network
 * failure, a bug in the caller) is not a service answer. {@link outcomeOf} tells a call the service
 * refused from one it answered.
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

/** How an SDK call ended: the service answered it (`out`) or refused it (`refusal`). */
export type CallOutcome<T> = { out: T; refusal?: undefined } | { refusal: ServiceError };

/**
 * Awaits an SDK call and returns its output or the service's refusal; rethrows anything that is
 * not an answer from the service.
 */
export async function outcomeOf<T>(call: Promise<T>): Promise<CallOutcome<T>> {
  try {
    return { out: await call };
  } catch (e) {
    const refusal = serviceErrorOf(e);
    if (!refusal) throw e;
    return { refusal };
  }
}
