/**
 * What a failed XKS proxy call becomes, per KMS operation: the exception and message KMS answers
 * with, or the ConnectionErrorCode a failed ConnectCustomKeyStore leaves behind.
 *
 * Source: the XKS Proxy API Specification, "Error codes" → "KMS Considerations" table
 * (https://github.com/aws/aws-kms-xksproxy-api-spec/blob/main/xks_proxy_api_spec.md#error-codes),
 * which gives, for each failure, the exception of Create/UpdateCustomKeyStore, of CreateKey and of
 * the cryptographic operations, and one message for all three. Connection error codes: the
 * CustomKeyStoresListEntry ConnectionErrorCode list
 * (https://docs.aws.amazon.com/kms/latest/APIReference/API_CustomKeyStoresListEntry.html).
 * Cells the table leaves empty are marked INFERRED below, each with the reason for the choice.
 *
 * @module
 */
import { KMSInvalidStateException, type KmsError } from '../errors.js';
import type { XksFailure } from './backends/types.js';
import {
  CustomKeyStoreInvalidStateException,
  XksKeyInvalidConfigurationException,
  XksKeyNotFoundException,
  XksProxyIncorrectAuthenticationCredentialException,
  XksProxyInvalidConfigurationException,
  XksProxyInvalidResponseException,
  XksProxyUriUnreachableException,
} from '../errors.js';
import { xksMsg } from './messages.js';
import type { ConnectionErrorCode } from './model.js';

type Ctor = new (message: string) => KmsError;

interface Row {
  readonly message: string;
  /** Create/UpdateCustomKeyStore. */
  readonly manage: Ctor;
  /** CreateKey. */
  readonly createKey: Ctor;
  /** ConnectCustomKeyStore's ConnectionErrorCode. */
  readonly connect: ConnectionErrorCode;
}

const row = (message: string, manage: Ctor, createKey: Ctor, connect: ConnectionErrorCode): Row => ({ message, manage, createKey, connect });

/** By the proxy's errorName. */
const PROXY_ERRORS: Record<string, Row> = {
  ValidationException: row(xksMsg.invalidResponse, XksProxyInvalidResponseException, CustomKeyStoreInvalidStateException, 'XKS_PROXY_INVALID_RESPONSE'),
  // manage: INFERRED (table gives CreateKey/crypto only; GetHealthStatus may return it for a disabled
  // key store, which is closest to "all external key manager instances are unavailable").
  InvalidStateException: row(xksMsg.keyNotEnabled, XksProxyUriUnreachableException, XksKeyInvalidConfigurationException, 'XKS_PROXY_NOT_REACHABLE'),
  // Decrypt only; manage/createKey INFERRED (never expected there: treated as a bad response).
  InvalidCiphertextException: row(xksMsg.proxyInvalidCiphertext, XksProxyInvalidResponseException, CustomKeyStoreInvalidStateException, 'XKS_PROXY_INVALID_RESPONSE'),
  InvalidKeyUsageException: row(xksMsg.keyUsage, XksProxyInvalidResponseException, XksKeyInvalidConfigurationException, 'XKS_PROXY_INVALID_RESPONSE'),
  AuthenticationFailedException: row(
    xksMsg.authenticationFailed,
    XksProxyIncorrectAuthenticationCredentialException,
    CustomKeyStoreInvalidStateException,
    'INVALID_CREDENTIALS',
  ),
  // manage INFERRED: GetHealthStatus "MUST be excluded from secondary authorization", so an
  // AccessDeniedException to it is an invalid response; connect: XKS_PROXY_ACCESS_DENIED.
  AccessDeniedException: row(xksMsg.accessDenied, XksProxyInvalidResponseException, KMSInvalidStateException, 'XKS_PROXY_ACCESS_DENIED'),
  // manage INFERRED (not a GetHealthStatus error).
  KeyNotFoundException: row(xksMsg.keyNotFound, XksProxyInvalidResponseException, XksKeyNotFoundException, 'XKS_PROXY_INVALID_RESPONSE'),
  InvalidUriPathException: row(xksMsg.invalidUriPath, XksProxyInvalidConfigurationException, CustomKeyStoreInvalidStateException, 'XKS_PROXY_INVALID_CONFIGURATION'),
  // The table names "XksKeyInvalidResponseException" for CreateKey, which is not a KMS error code;
  // XksKeyInvalidConfigurationException is CreateKey's nearest declared error (INFERRED). manage INFERRED.
  UnsupportedOperationException: row(
    xksMsg.unsupportedOperation,
    XksProxyInvalidResponseException,
    XksKeyInvalidConfigurationException,
    'XKS_PROXY_INVALID_RESPONSE',
  ),
  DependencyTimeoutException: row(xksMsg.dependencyTimeout, XksProxyUriUnreachableException, CustomKeyStoreInvalidStateException, 'XKS_PROXY_NOT_REACHABLE'),
  ThrottlingException: row(xksMsg.throttled, XksProxyUriUnreachableException, CustomKeyStoreInvalidStateException, 'XKS_PROXY_NOT_REACHABLE'),
  InternalException: row(xksMsg.internal, XksProxyInvalidResponseException, CustomKeyStoreInvalidStateException, 'XKS_PROXY_INVALID_RESPONSE'),
};

const MALFORMED = row(xksMsg.invalidResponse, XksProxyInvalidResponseException, CustomKeyStoreInvalidStateException, 'XKS_PROXY_INVALID_RESPONSE');

const KMS_SIDE: Record<Exclude<XksFailure['kind'], 'proxy'>, Row> = {
  unreachable: row(xksMsg.unreachable, XksProxyUriUnreachableException, CustomKeyStoreInvalidStateException, 'XKS_PROXY_NOT_REACHABLE'),
  tls: row(xksMsg.tls, XksProxyUriUnreachableException, CustomKeyStoreInvalidStateException, 'XKS_PROXY_INVALID_TLS_CONFIGURATION'),
  timeout: row(xksMsg.timedOut, XksProxyUriUnreachableException, CustomKeyStoreInvalidStateException, 'XKS_PROXY_TIMED_OUT'),
  malformed: MALFORMED,
  'invalid-ciphertext': row(xksMsg.invalidCiphertextFromProxy, XksProxyInvalidResponseException, CustomKeyStoreInvalidStateException, 'XKS_PROXY_INVALID_RESPONSE'),
};

/** Unknown errorNames are malformed responses. */
const rowOf = (f: XksFailure): Row => (f.kind === 'proxy' ? (PROXY_ERRORS[f.errorName] ?? MALFORMED) : KMS_SIDE[f.kind]);

/** CreateCustomKeyStore / UpdateCustomKeyStore. */
export const xksManageError = (f: XksFailure): KmsError => {
  const r = rowOf(f);
  return new r.manage(r.message);
};

/** CreateKey in an external key store. */
export const xksCreateKeyError = (f: XksFailure): KmsError => {
  const r = rowOf(f);
  return new r.createKey(r.message);
};

/** Encrypt, Decrypt, GenerateDataKey*, ReEncrypt: always KMSInvalidStateException. */
export const xksCryptoError = (f: XksFailure): KmsError => new KMSInvalidStateException(rowOf(f).message);

/** ConnectCustomKeyStore: the ConnectionErrorCode of the FAILED state. */
export const xksConnectionCode = (f: XksFailure): ConnectionErrorCode => rowOf(f).connect;

/**
 * A health answer whose external key managers are all UNAVAILABLE: XksProxyUriUnreachableException
 * for Create/Update ("also thrown when the external key store proxy response to a GetHealthStatus
 * request indicates that all external key manager instances are unavailable") and
 * XKS_PROXY_NOT_REACHABLE for Connect ("Connection attempts fail with this connection error code if
 * the proxy reports that all external key manager instances are unavailable").
 */
export const allEkmsUnavailable = (): { manage: KmsError; connect: ConnectionErrorCode } => ({
  manage: new XksProxyUriUnreachableException(xksMsg.unreachable),
  connect: 'XKS_PROXY_NOT_REACHABLE',
});
