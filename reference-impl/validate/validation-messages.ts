/**
 * The wording AWS (Coral, the framework behind KMS's JSON 1.1 endpoint) uses for request errors.
 * Every string here is quoted from an observed AWS response; the source is cited beside it.
 *
 * Validation (constraint) errors, `ValidationException`:
 *   `1 validation error detected: Value 'FOO' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: [AES_256, AES_128]`
 *   `2 validation errors detected: <one>; <two>`
 * - member paths are the wire names with the first letter lower-cased (`keyId`, `numberOfBytes`),
 *   nested members joined by `.`, list elements as `<list>.<1-based index>.member`
 *   (`tags.1.member.tagKey`; real AWS: Kinesis `records.1.member.data`, Firehose
 *   `records.36.member.data`, Bedrock `toolConfig.tools.1.member.toolSpec.name`);
 * - the value is quoted after `Value` (`Value '' at 'keyId'`: real KMS, stelligent/mu#382), `null`
 *   unquoted for a missing member (`Value null at 'keyId' ... Member must not be null`), and left out
 *   entirely for members the model marks sensitive (`Value at 'plaintext' ...`: real KMS, recorded
 *   in LocalStack's KMS snapshot `test_plaintext_size_for_encrypt` (`... Member must have length
 *   less than or equal to 4096`) and in moto's aws-verified Encrypt test with `Plaintext=""`
 *   (`... greater than or equal to 1`); Firehose's sensitive `HttpEndpointName` reads the same).
 *   A missing sensitive member is also reported without a value (`Value at 'x' ... Member must not
 *   be null`), as a real Bedrock AgentCore answer shows for its sensitive `authorizationCode`;
 *   this one is not confirmed for KMS's Plaintext;
 * - a non-sensitive blob is shown as the Java ByteBuffer's toString, never its bytes:
 *   `Value 'java.nio.HeapByteBuffer[pos=0 lim=0 cap=0]' at 'ciphertextBlob'` (local-kms, which mirrors
 *   KMS; the same form in real Kinesis/Firehose/Rekognition errors, e.g. `Value
 *   'java.nio.HeapByteBuffer[pos=0 lim=1054425 cap=1054425]' at 'records.1.member.data'`);
 * - a list whose elements break the element shape's constraints gets one error at the list, listing
 *   all the element constraints: `Value '[ccc]' at 'subjectAlternativeNames' failed to satisfy
 *   constraint: Member must satisfy constraint: [Member must have length less than or equal to 253,
 *   Member must have length greater than or equal to 1, Member must satisfy regular expression
 *   pattern: ...]` (real ACM); maps likewise with `Map value must satisfy constraint: [...]` /
 *   `Map keys must satisfy constraint: [...]` (real Cognito Identity `logins`, Lambda `routingConfig`);
 * - at most 10 errors are reported, and the count says 10 (`10 validation errors detected` for a
 *   request with more: real Bedrock, and dynalite/kinesalite, which were written against real AWS,
 *   stop collecting at 10); errors are joined by `; `.
 *
 * Deserialization errors, `SerializationException` (a wrong JSON type anywhere wins over every
 * validation error, because the body is deserialized before it is validated). Wording as measured
 * on JSON 1.1 Coral services (Athena 2026-09, SQS, SESv2 — see athena-local's docs and
 * dynalite's test helpers): `NUMBER_VALUE can not be converted to a String`, `STRING_VALUE can not
 * be converted to an Integer`, `TRUE_VALUE ...`, `Start of list found where not expected`,
 * `Start of structure or map found where not expected.`, `Expected list or null`, `Expected null`;
 * a body that is not a JSON object gets no message at all.
 *
 * @module
 */

/** Coral stops collecting constraint violations after this many. */
export const MAX_REPORTED_VALIDATION_ERRORS = 10;

/** `keyId` from `KeyId`: only the first letter changes (`SSESpecification` -> `sSESpecification`). */
export const lowerFirst = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);

/**
 * One violation: `Value 'x' at 'path' failed to satisfy constraint: <constraint>`.
 * `rendered` is the value as Java prints it, `null` for a missing member, `undefined` for a
 * sensitive member (then nothing at all is printed for the value).
 */
export function violation(rendered: string | null | undefined, path: string, constraint: string): string {
  const value = rendered === undefined ? '' : rendered === null ? 'null ' : `'${rendered}' `;
  return `Value ${value}at '${path}' failed to satisfy constraint: ${constraint}`;
}

/** The ValidationException message for the collected violations. */
export function validationMessage(errors: readonly string[]): string {
  const n = errors.length;
  return `${n} validation error${n === 1 ? '' : 's'} detected: ${errors.join('; ')}`;
}

export const NOT_NULL = 'Member must not be null';
export const lengthAtLeast = (n: number): string => `Member must have length greater than or equal to ${n}`;
export const lengthAtMost = (n: number): string => `Member must have length less than or equal to ${n}`;
export const valueAtLeast = (n: number): string => `Member must have value greater than or equal to ${n}`;
export const valueAtMost = (n: number): string => `Member must have value less than or equal to ${n}`;
export const matchesPattern = (p: string): string => `Member must satisfy regular expression pattern: ${p}`;
export const inEnum = (values: readonly string[]): string => `Member must satisfy enum value set: [${values.join(', ')}]`;
export const elementsSatisfy = (constraints: readonly string[]): string =>
  `Member must satisfy constraint: [${constraints.join(', ')}]`;
export const mapValuesSatisfy = (constraints: readonly string[]): string =>
  `Map value must satisfy constraint: [${constraints.join(', ')}]`;
export const mapKeysSatisfy = (constraints: readonly string[]): string =>
  `Map keys must satisfy constraint: [${constraints.join(', ')}]`;

/** How Java prints a ByteBuffer: its bounds, never its content. */
export const byteBufferString = (n: number): string => `java.nio.HeapByteBuffer[pos=0 lim=${n} cap=${n}]`;

/** How Java renders a redacted sensitive member inside a structure's toString (AWS SDK v2 style). */
export const REDACTED = '*** Sensitive Data Redacted ***';

// ---- SerializationException wording --------------------------------------------------------

/** Coral's name for the JSON token it could not convert. */
function tokenName(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return 'STRING_VALUE';
    case 'number':
      return 'NUMBER_VALUE';
    case 'boolean':
      return v ? 'TRUE_VALUE' : 'FALSE_VALUE';
    default:
      return 'VALUE';
  }
}

export const START_OF_LIST = 'Start of list found where not expected';
export const START_OF_OBJECT = 'Start of structure or map found where not expected.';
export const EXPECTED_LIST = 'Expected list or null';
export const EXPECTED_MAP = 'Expected map or null';
export const EXPECTED_STRUCTURE = 'Expected null';

/**
 * The message for a JSON value of the wrong type where a scalar of `target` is expected
 * (`a String`, `an Integer`, `a Boolean`, `a Blob`, `a Timestamp`).
 */
export function cannotConvert(v: unknown, target: string): string {
  if (Array.isArray(v)) return START_OF_LIST;
  if (typeof v === 'object') return START_OF_OBJECT;
  return `${tokenName(v)} can not be converted to ${target}`;
}

/** A string that is not one of Coral's boolean spellings: Coral's message keeps its old article. */
export const STRING_TO_BOOLEAN = 'STRING_VALUE can not be converted to an Boolean';

export const base64LengthMessage = (n: number): string =>
  `Base64 encoded length is expected a multiple of 4 bytes but found: ${n}`;
/** Coral's own spelling, typo included. */
export const BASE64_LAST_CHAR = 'Invalid last non-pad Base64 character dectected';
/** Coral names the offending character here; we do not, so that no byte of a blob is ever echoed. */
export const BASE64_BAD_CHAR = 'Invalid Base64 character';
