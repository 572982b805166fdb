/**
 * The wording of custom key store errors, in one place.
 *
 * Sources:
 * - [XKS] AWS KMS External Key Store Proxy API Specification, "Error codes" → "KMS Considerations"
 *   table (https://github.com/aws/aws-kms-xksproxy-api-spec/blob/main/xks_proxy_api_spec.md#error-codes):
 *   the exception messages KMS itself returns for each proxy failure. Quoted as written there.
 * - [OBS] spec/aws-observed.md (KS-OLD table, note [11]): `<key ARN> is unavailable.`
 * - INFERRED: no recorded AWS answer was found; the text paraphrases the exception's
 *   documentation in the service model (spec/kms-2014-11-01.service-2.json). Replace with the
 *   observed text when one is recorded.
 *
 * No message here ever contains a password, a secret access key, plaintext or key material.
 *
 * @module
 */
import type { ConnectionState, CustomKeyStoreType } from './model.js';

export const xksMsg = {
  /** [XKS] malformed response, ValidationException and (no JSON body) any non-JSON error. */
  invalidResponse:
    'AWS KMS cannot interpret the response from the external key store proxy. If you see this error repeatedly, report it to your external key store proxy administrator.',
  /** [XKS] proxy InvalidStateException. */
  keyNotEnabled:
    'The external key associated with this KMS key in an external key store is not enabled in the external key manager. Enable the external key in the external key manager and retry the request.',
  /** [XKS] proxy InvalidCiphertextException. */
  proxyInvalidCiphertext:
    'The external key store proxy rejected the request because the specified ciphertext or encryption context is corrupted, missing, or otherwise invalid.',
  /** [XKS] the proxy returned an invalid ciphertext (CDIV mismatch, wrong lengths). */
  invalidCiphertextFromProxy:
    'The ciphertext that the external key store proxy submitted for decryption, or the encryption context, is corrupted, missing, or otherwise invalid.',
  /** [XKS] proxy InvalidKeyUsageException. */
  keyUsage:
    'The external key associated with this KMS key in an external key store does not support the requested operation. Enable the operation on the key in your external key manager, and try the request again.',
  /** [XKS] proxy AuthenticationFailedException. */
  authenticationFailed:
    'The external key store proxy rejected the request because it could not authenticate AWS KMS. Verify the XKS proxy authentication credentials for your external key store and update if necessary.',
  /** [XKS] proxy AccessDeniedException. */
  accessDenied:
    'The external key store proxy denied access to the operation. Verify that the user and the external key are both authorized for this operation, and try the request again.',
  /** [XKS] proxy KeyNotFoundException. */
  keyNotFound:
    'The external key associated with this KMS key in an external key store was not found in its external key manager. If the external key ID associated with this KMS key is incorrect, create a new KMS key with the correct external key ID.',
  /** [XKS] proxy InvalidUriPathException. */
  invalidUriPath:
    'The external key store proxy rejected the request because of an invalid URI path. Verify the URI path for your external key store and update if necessary.',
  /** [XKS] proxy UnsupportedOperationException. */
  unsupportedOperation:
    'The external key store proxy rejected the request because it does not support the requested operation. If you see this error repeatedly, report it to your external key store proxy administrator.',
  /** [XKS] proxy DependencyTimeoutException. */
  dependencyTimeout:
    'The external key store proxy did not respond to the request in the time allotted. Retry the request. If you see this error repeatedly, report it to your external key store proxy administrator.',
  /** [XKS] proxy ThrottlingException. */
  throttled:
    'The external key store proxy rejected the request due to a very high request rate. Reduce the frequency of your calls using KMS keys in this external key store.',
  /** [XKS] proxy InternalException. */
  internal:
    'The external key store proxy rejected the request because it cannot communicate with the external key manager. Verify that the external key store proxy configuration is correct and that the external key manager is available.',
  /** [XKS] no TCP connection. */
  unreachable:
    'AWS KMS cannot communicate with the external key store proxy. This might be a transient network issue. If you see this error repeatedly, verify that your external key store proxy is active and is connected to the network, and that its endpoint URI is correct in your external keystore.',
  /** [XKS] no TLS connection. */
  tls: 'AWS KMS cannot establish a TLS connection to the external key store proxy. Verify the TLS configuration, including its certificate.',
  /** [XKS] socket timeout. */
  timedOut:
    'AWS KMS rejected the request because the external key store proxy did not respond in time. Retry the request. If you see this error repeatedly, report it to your external key store proxy administrator.',
  /** [XKS] store not CONNECTED (CreateKey and cryptographic operations). */
  notConnected:
    'This KMS key is in a custom key store that is not connected to its external key store proxy. Connect the external key store and try the request again.',
} as const;

export const cksMsg = {
  /** INFERRED; the same text as ops/messages.ts keyMsg.customKeyStoreNotFound (CreateKey). */
  notFound: (id: string) => `Custom key store ${id} does not exist.`,
  /** INFERRED. */
  notFoundByName: (name: string) => `Custom key store with name ${name} does not exist.`,
  /** INFERRED (DescribeCustomKeyStores: "provide either the CustomKeyStoreId or CustomKeyStoreName parameter, but not both"). */
  idAndName: 'You cannot specify both CustomKeyStoreId and CustomKeyStoreName.',
  /** INFERRED. */
  nameInUse: (name: string) => `Custom key store name ${name} is already in use in this account and Region.`,
  /** INFERRED. */
  invalidState: (id: string, state: ConnectionState, operation: string) =>
    `Custom key store ${id} has connection state ${state}, which is not valid for ${operation}.`,
  /** INFERRED (CloudHSM stores; XKS stores use xksMsg.notConnected). */
  notConnected: (id: string) => `Custom key store ${id} is not connected to its backing key store. Connect the custom key store and try the request again.`,
  /** INFERRED. */
  hasKeys: (id: string, count: number) => `Custom key store ${id} contains ${count} KMS keys. Delete the KMS keys before deleting the custom key store.`,
  /** INFERRED; aws-observed.md records a quota of 10 custom key stores per account and Region. */
  tooMany: (limit: number) => `Custom key store quota for this account in this Region is ${limit}.`,
  /** INFERRED. */
  required: (param: string, type: CustomKeyStoreType) => `${param} is required for custom key stores with a CustomKeyStoreType of ${type}.`,
  /** INFERRED. */
  notValidFor: (param: string, type: CustomKeyStoreType) => `${param} is not valid for custom key stores with a CustomKeyStoreType of ${type}.`,
  /** INFERRED. */
  vpcNameRequired: 'XksProxyVpcEndpointServiceName is required when XksProxyConnectivity is VPC_ENDPOINT_SERVICE.',
  /** INFERRED. */
  vpcNameNotValid: 'XksProxyVpcEndpointServiceName is not valid when XksProxyConnectivity is PUBLIC_ENDPOINT.',
  /** INFERRED ("You must specify both the AccessKeyId and SecretAccessKey value"). */
  credentialBoth: 'XksProxyAuthenticationCredential must include both AccessKeyId and RawSecretAccessKey.',
  /** INFERRED. */
  uriInUse: (uri: string) => `The external key store proxy URI ${uri} is already associated with another external key store in this Region.`,
  /** INFERRED. */
  uriEndpointInUse: (endpoint: string) => `The external key store proxy endpoint ${endpoint} is already associated with another external key store in this Region.`,
  /** INFERRED: the reference server has no Amazon VPC endpoint services. */
  vpcServiceNotFound: (name: string) => `KMS could not find the VPC endpoint service ${name}.`,
  /** INFERRED. */
  clusterNotFound: (clusterId: string) => `KMS cannot find the CloudHSM cluster with cluster ID ${clusterId}.`,
  /** INFERRED. */
  clusterInUse: (clusterId: string) => `CloudHSM cluster ${clusterId} is already associated with a custom key store in this account.`,
  /** INFERRED. */
  clusterNotActive: (clusterId: string) => `CloudHSM cluster ${clusterId} is not active.`,
  /** INFERRED. */
  clusterNotRelated: (clusterId: string) => `CloudHSM cluster ${clusterId} has a different cluster certificate than the original cluster.`,
  /** INFERRED. */
  incorrectTrustAnchor: (clusterId: string) => `The trust anchor certificate is not the trust anchor certificate for CloudHSM cluster ${clusterId}.`,
  /** INFERRED. */
  xksKeyInUse: (xksKeyId: string) => `External key ${xksKeyId} is already associated with another KMS key in this external key store.`,
  /** INFERRED (XksKeyInvalidConfigurationException documentation: AES-256, enabled, encrypt and decrypt). */
  xksKeyInvalid: (xksKeyId: string) =>
    `External key ${xksKeyId} must be an enabled AES-256 symmetric key that performs encryption and decryption.`,
  /** INFERRED (CreateKey Origin: AWS_CLOUDHSM for CloudHSM key stores, EXTERNAL_KEY_STORE for external ones). */
  originMismatch: (origin: string, type: CustomKeyStoreType) => `Origin ${origin} is not valid for a custom key store of type ${type}.`,
  /** INFERRED ("You cannot create any other type of KMS key in a custom key store"; "you cannot create a multi-Region key in a custom key store"). */
  keyTypeNotSupported: 'Custom key stores support only single-Region SYMMETRIC_DEFAULT keys for ENCRYPT_DECRYPT.',
  /** [OBS] spec/aws-observed.md [11]. */
  keyUnavailable: (arn: string) => `${arn} is unavailable.`,
  /** INFERRED (GenerateRandom: "If you specify the ID of an external key store, GenerateRandom throws an UnsupportedOperationException"). */
  generateRandomXks: (id: string) => `Custom key store ${id} is an external key store. GenerateRandom supports only CloudHSM key stores.`,
} as const;
