/**
 * The target's own failure: the endpoint cannot be used (unreachable, refusing the probe, no
 * credentials) or the embedded server would not start. Never a verdict about the endpoint's
 * behaviour; the commands report it as the run's failure (conformance: exit 3).
 *
 * @module
 */
export class TargetError extends Error {
  override readonly name = 'TargetError';
}
