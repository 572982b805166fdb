/**
 * Every error the reference server can answer with, defined once.
 *
 * Each AWS error code maps to one class made by {@link defineError}; the class carries the
 * code (the wire `__type`), the HTTP status and whether clients treat it as retryable.
 * Call sites throw `new NotFoundException('...')`; the protocol edge turns any {@link KmsError}
 * into `{"__type": code, "message": message}` with `status`. Anything else that escapes a
 * handler is answered as `KMSInternalException` (500) and never echoes its own message.
 *
 * @module
 */

export type ErrorKind = 'service-model' | 'protocol';

/** Status, retryability and origin of one AWS error code. */
export interface ErrorSpec {
  readonly status: number;
  readonly retryable: boolean;
  /** `service-model`: declared in kms-2014-11-01.service-2.json; `protocol`: AWS JSON 1.1 / SigV4 common errors. */
  readonly kind: ErrorKind;
}

const model = (status = 400, retryable = false): ErrorSpec => ({ status, retryable, kind: 'service-model' });
const common = (status = 400, retryable = false): ErrorSpec => ({ status, retryable, kind: 'protocol' });

/** The one table. Codes are never reused or renamed. */
export const ERROR_TABLE = {
  // Declared by the KMS service model.
  AlreadyExistsException: model(),
  CloudHsmClusterInUseException: model(),
  CloudHsmClusterInvalidConfigurationException: model(),
  CloudHsmClusterNotActiveException: model(),
  CloudHsmClusterNotFoundException: model(),
  CloudHsmClusterNotRelatedException: model(),
  ConflictException: model(),
  CustomKeyStoreHasCMKsException: model(),
  CustomKeyStoreInvalidStateException: model(),
  CustomKeyStoreNameInUseException: model(),
  CustomKeyStoreNotFoundException: model(),
  DependencyTimeoutException: model(503, true),
  DisabledException: model(),
  // Recorded at HTTP 400 against real KMS (aws-observed.md §9); the model gives no status.
  DryRunOperationException: model(),
  ExpiredImportTokenException: model(),
  IncorrectKeyException: model(),
  IncorrectKeyMaterialException: model(),
  IncorrectTrustAnchorException: model(),
  InvalidAliasNameException: model(),
  InvalidArnException: model(),
  InvalidCiphertextException: model(),
  InvalidGrantIdException: model(),
  InvalidGrantTokenException: model(),
  InvalidImportTokenException: model(),
  InvalidKeyUsageException: model(),
  InvalidMarkerException: model(),
  KMSInternalException: model(500, true),
  KMSInvalidMacException: model(),
  KMSInvalidSignatureException: model(),
  KMSInvalidStateException: model(),
  KeyUnavailableException: model(500, true),
  LimitExceededException: model(),
  MalformedPolicyDocumentException: model(),
  NotFoundException: model(),
  TagException: model(),
  UnsupportedOperationException: model(),
  XksKeyAlreadyInUseException: model(),
  XksKeyInvalidConfigurationException: model(),
  XksKeyNotFoundException: model(),
  XksProxyIncorrectAuthenticationCredentialException: model(),
  XksProxyInvalidConfigurationException: model(),
  XksProxyInvalidResponseException: model(),
  XksProxyUriEndpointInUseException: model(),
  XksProxyUriInUseException: model(),
  XksProxyUriUnreachableException: model(),
  XksProxyVpcEndpointServiceInUseException: model(),
  XksProxyVpcEndpointServiceInvalidConfigurationException: model(),
  XksProxyVpcEndpointServiceNotFoundException: model(),

  // Common to AWS JSON 1.1 services (not in the KMS model).
  AccessDeniedException: common(400),
  IncompleteSignatureException: common(400),
  InvalidSignatureException: common(400),
  MissingAuthenticationTokenException: common(400),
  UnrecognizedClientException: common(400),
  SerializationException: common(400),
  UnknownOperationException: common(400),
  ValidationException: common(400),
  ThrottlingException: common(400, true),
  RequestEntityTooLargeException: common(413),
  InvalidActionException: common(400),
  NotImplementedException: common(501),
  // AWS common errors: "Problems with the request at the HTTP level. Reading the Request timed out."
  // (https://docs.aws.amazon.com/lambda/latest/api/CommonErrors.html).
  RequestTimeoutException: common(408),
} as const satisfies Record<string, ErrorSpec>;

export type AwsErrorCode = keyof typeof ERROR_TABLE;

/** Base of every error the server answers with. Match on `code`, not on the class. */
export class KmsError extends Error {
  readonly code: AwsErrorCode;
  readonly status: number;
  readonly retryable: boolean;

  constructor(code: AwsErrorCode, message: string, options?: { cause?: unknown }) {
    // An answer to a client is not a bug: capturing a stack trace would be most of the cost of
    // refusing a request (a throttled one, say). The cause of an internal error keeps its own.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message, options);
    Error.stackTraceLimit = limit;
    const spec: ErrorSpec = ERROR_TABLE[code];
    this.code = code;
    this.status = spec.status;
    this.retryable = spec.retryable;
    this.name = code;
  }

  /**
   * The AWS JSON 1.1 error body. An empty message is left out entirely, as AWS does for
   * errors it answers with the bare code (InvalidCiphertextException, KMSInvalidMacException, ...).
   */
  toJSON(): { __type: AwsErrorCode; message?: string } {
    return this.message === '' ? { __type: this.code } : { __type: this.code, message: this.message };
  }
}

export type KmsErrorClass<C extends AwsErrorCode> = new (message: string, options?: { cause?: unknown }) => KmsError & {
  readonly code: C;
};

/** The one factory: a class for one code. */
export function defineError<C extends AwsErrorCode>(code: C): KmsErrorClass<C> {
  const cls = class extends KmsError {
    constructor(message: string, options?: { cause?: unknown }) {
      super(code, message, options);
    }
  };
  Object.defineProperty(cls, 'name', { value: code });
  return cls as unknown as KmsErrorClass<C>;
}

export const isKmsError = (e: unknown): e is KmsError => e instanceof KmsError;

// Classes used by the server. Add one line here when a new code is first thrown.
export const AlreadyExistsException = defineError('AlreadyExistsException');
export const CustomKeyStoreNotFoundException = defineError('CustomKeyStoreNotFoundException');
export const DependencyTimeoutException = defineError('DependencyTimeoutException');
export const DisabledException = defineError('DisabledException');
export const DryRunOperationException = defineError('DryRunOperationException');
export const IncorrectKeyException = defineError('IncorrectKeyException');
export const InvalidAliasNameException = defineError('InvalidAliasNameException');
export const InvalidArnException = defineError('InvalidArnException');
export const InvalidCiphertextException = defineError('InvalidCiphertextException');
export const InvalidGrantIdException = defineError('InvalidGrantIdException');
export const InvalidGrantTokenException = defineError('InvalidGrantTokenException');
export const InvalidKeyUsageException = defineError('InvalidKeyUsageException');
export const InvalidMarkerException = defineError('InvalidMarkerException');
export const KMSInternalException = defineError('KMSInternalException');
export const KMSInvalidStateException = defineError('KMSInvalidStateException');
export const LimitExceededException = defineError('LimitExceededException');
export const MalformedPolicyDocumentException = defineError('MalformedPolicyDocumentException');
export const NotFoundException = defineError('NotFoundException');
export const TagException = defineError('TagException');
export const UnsupportedOperationException = defineError('UnsupportedOperationException');
export const AccessDeniedException = defineError('AccessDeniedException');
export const IncompleteSignatureException = defineError('IncompleteSignatureException');
export const InvalidSignatureException = defineError('InvalidSignatureException');
export const MissingAuthenticationTokenException = defineError('MissingAuthenticationTokenException');
export const UnrecognizedClientException = defineError('UnrecognizedClientException');
export const SerializationException = defineError('SerializationException');
export const UnknownOperationException = defineError('UnknownOperationException');
export const ValidationException = defineError('ValidationException');
export const ThrottlingException = defineError('ThrottlingException');
export const RequestEntityTooLargeException = defineError('RequestEntityTooLargeException');
export const RequestTimeoutException = defineError('RequestTimeoutException');
export const KMSInvalidSignatureException = defineError('KMSInvalidSignatureException');
export const KMSInvalidMacException = defineError('KMSInvalidMacException');
export const IncorrectKeyMaterialException = defineError('IncorrectKeyMaterialException');
export const InvalidImportTokenException = defineError('InvalidImportTokenException');
export const ExpiredImportTokenException = defineError('ExpiredImportTokenException');
// Custom key stores (keystores/).
export const CloudHsmClusterInUseException = defineError('CloudHsmClusterInUseException');
export const CloudHsmClusterInvalidConfigurationException = defineError('CloudHsmClusterInvalidConfigurationException');
export const CloudHsmClusterNotActiveException = defineError('CloudHsmClusterNotActiveException');
export const CloudHsmClusterNotFoundException = defineError('CloudHsmClusterNotFoundException');
export const CloudHsmClusterNotRelatedException = defineError('CloudHsmClusterNotRelatedException');
export const CustomKeyStoreHasCMKsException = defineError('CustomKeyStoreHasCMKsException');
export const CustomKeyStoreInvalidStateException = defineError('CustomKeyStoreInvalidStateException');
export const CustomKeyStoreNameInUseException = defineError('CustomKeyStoreNameInUseException');
export const IncorrectTrustAnchorException = defineError('IncorrectTrustAnchorException');
export const XksKeyAlreadyInUseException = defineError('XksKeyAlreadyInUseException');
export const XksKeyInvalidConfigurationException = defineError('XksKeyInvalidConfigurationException');
export const XksKeyNotFoundException = defineError('XksKeyNotFoundException');
export const XksProxyIncorrectAuthenticationCredentialException = defineError('XksProxyIncorrectAuthenticationCredentialException');
export const XksProxyInvalidConfigurationException = defineError('XksProxyInvalidConfigurationException');
export const XksProxyInvalidResponseException = defineError('XksProxyInvalidResponseException');
export const XksProxyUriEndpointInUseException = defineError('XksProxyUriEndpointInUseException');
export const XksProxyUriInUseException = defineError('XksProxyUriInUseException');
export const XksProxyUriUnreachableException = defineError('XksProxyUriUnreachableException');
export const XksProxyVpcEndpointServiceNotFoundException = defineError('XksProxyVpcEndpointServiceNotFoundException');

/** AWS's own wording for throttling (facts sheet). */
export const THROTTLING_MESSAGE = 'You have exceeded the rate at which you may call KMS. Reduce the frequency of your calls.';
