/**
 * Request validation for the reference server's hot path.
 *
 * `validateRequest('Encrypt', JSON.parse(body))` returns the typed, converted input (blobs as
 * `Buffer`, decoded once; timestamps as `Date`; unknown members and nulls dropped) or throws the
 * error AWS KMS would answer with:
 * - `SerializationException` for a body that is not a JSON object or a member of the wrong JSON
 *   type (including a blob that is not strict base64);
 * - `ValidationException` for constraint violations, in AWS's exact wording, e.g.
 *   `1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096`.
 *   Values of sensitive members (Plaintext, key store passwords, XKS credentials) and blob
 *   contents never appear in any message.
 *
 * Validators for all operations are compiled once when this module loads, from
 * common/model/model.ts. Only the model's constraints are checked here (types,
 * required, length, range, pattern, enum); rules that real KMS enforces beyond the model (e.g.
 * exactly one of NumberOfBytes/KeySpec, PendingWindowInDays 7..30) belong to the handlers.
 *
 * @module
 */
import { UnknownOperationException } from '../errors.js';
import { OPERATIONS, OPERATION_NAMES, SHAPES, type OperationName, type ShapeDef } from '../../common/model/model.js';
import type { OperationInput } from '../../common/model/schemas.js';
import { Compiler, compileRequestDecoder, type RequestDecoder, type ShapeTable } from './compile.js';

export type { OperationName } from '../../common/model/model.js';
export type { OperationInput, OperationInputWire, OperationOutput, OperationOutputWire } from '../../common/model/schemas.js';
export { MAX_REPORTED_VALIDATION_ERRORS } from './validation-messages.js';
export { Compiler, compileRequestDecoder, type RequestDecoder, type ShapeTable } from './compile.js';
export { decodeBase64Strict } from './base64-strict.js';

const compiler = new Compiler(SHAPES);

const compiled = new Map<OperationName, RequestDecoder>();

/** The compiled decoder of `op`, built on its first request (start-up compiles none). */
function decoderFor(op: OperationName): RequestDecoder {
  let d = compiled.get(op);
  if (!d) {
    d = compileRequestDecoder(compiler, OPERATIONS[op].input);
    compiled.set(op, d);
  }
  return d;
}

/** One decoder per operation, each compiled when first read. */
export const REQUEST_DECODERS: Readonly<Record<OperationName, RequestDecoder>> = Object.freeze(
  Object.defineProperties(
    {},
    Object.fromEntries(OPERATION_NAMES.map((op) => [op, { enumerable: true, get: () => decoderFor(op) }])),
  ) as Record<OperationName, RequestDecoder>,
);

const hasOwn = Object.prototype.hasOwnProperty;

/** True if `name` is one of the 54 KMS operations (the part of `X-Amz-Target` after `TrentService.`). */
export function isOperationName(name: string): name is OperationName {
  return hasOwn.call(OPERATIONS, name);
}

/**
 * Validates and converts the parsed JSON body of `operation`. Throws `SerializationException` /
 * `ValidationException` (see the module doc) or, for a name that is not an operation,
 * `UnknownOperationException`.
 */
export function validateRequest<O extends OperationName>(operation: O, body: unknown): OperationInput<O> {
  if (!hasOwn.call(OPERATIONS, operation)) throw new UnknownOperationException('');
  return decoderFor(operation)(body) as OperationInput<O>;
}

let leakyDecoders: Record<string, RequestDecoder> | undefined;

/**
 * The deliberately broken validator behind the test-only fault `echo-plaintext`: its messages
 * quote every offending value, plaintext included. Never used unless that fault is on.
 */
export function validateRequestLeakingValues<O extends OperationName>(operation: O, body: unknown): OperationInput<O> {
  if (!hasOwn.call(REQUEST_DECODERS, operation)) throw new UnknownOperationException('');
  if (!leakyDecoders) {
    const stripped = Object.fromEntries(
      Object.entries(SHAPES).map(([name, def]) => {
        const { sensitive: _s, ...rest } = def as ShapeDef & { sensitive?: true; sensitiveMembers?: readonly string[] };
        if ('sensitiveMembers' in rest) delete (rest as { sensitiveMembers?: unknown }).sensitiveMembers;
        return [name, rest];
      }),
    ) as unknown as ShapeTable;
    const leaky = new Compiler(stripped, { leakValues: true });
    leakyDecoders = Object.fromEntries(OPERATION_NAMES.map((op) => [op, compileRequestDecoder(leaky, OPERATIONS[op].input)]));
  }
  return leakyDecoders[operation]!(body) as OperationInput<O>;
}
