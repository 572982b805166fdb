/**
 * The custom key store record and the `CustomKeyStoresListEntry` that DescribeCustomKeyStores
 * answers with (shapes as in common/model: CustomKeyStoresListEntry, XksProxyConfigurationType).
 *
 * Facts (API reference, https://docs.aws.amazon.com/kms/latest/APIReference/API_CustomKeyStoresListEntry.html
 * and the service model's documentation in spec/kms-2014-11-01.service-2.json):
 * - ids look like `cks-1234567890abcdef0`: `cks-` and 17 hex digits (examples-1.json, CreateCustomKeyStore).
 * - `CloudHsmClusterId` and `TrustAnchorCertificate` appear only for AWS_CLOUDHSM stores,
 *   `XksProxyConfiguration` only for EXTERNAL_KEY_STORE ones; `ConnectionErrorCode` only when
 *   `ConnectionState` is FAILED. `VpcEndpointServiceName`/`Owner` only with VPC_ENDPOINT_SERVICE.
 * - `KeyStorePassword` and `RawSecretAccessKey` are never returned (they are not members of the entry).
 *
 * @module
 */
import { randomBytes } from 'node:crypto';

export type CustomKeyStoreType = 'AWS_CLOUDHSM' | 'EXTERNAL_KEY_STORE';
export const CUSTOM_KEY_STORE_TYPES: readonly CustomKeyStoreType[] = ['AWS_CLOUDHSM', 'EXTERNAL_KEY_STORE'];

export type ConnectionState = 'CONNECTED' | 'CONNECTING' | 'FAILED' | 'DISCONNECTED' | 'DISCONNECTING';
export const CONNECTION_STATES: readonly ConnectionState[] = ['CONNECTED', 'CONNECTING', 'FAILED', 'DISCONNECTED', 'DISCONNECTING'];

/** ConnectionErrorCodeType (service model enum), in the model's order. */
export type ConnectionErrorCode =
  | 'INVALID_CREDENTIALS'
  | 'CLUSTER_NOT_FOUND'
  | 'NETWORK_ERRORS'
  | 'INTERNAL_ERROR'
  | 'INSUFFICIENT_CLOUDHSM_HSMS'
  | 'USER_LOCKED_OUT'
  | 'USER_NOT_FOUND'
  | 'USER_LOGGED_IN'
  | 'SUBNET_NOT_FOUND'
  | 'INSUFFICIENT_FREE_ADDRESSES_IN_SUBNET'
  | 'XKS_PROXY_ACCESS_DENIED'
  | 'XKS_PROXY_NOT_REACHABLE'
  | 'XKS_VPC_ENDPOINT_SERVICE_NOT_FOUND'
  | 'XKS_PROXY_INVALID_RESPONSE'
  | 'XKS_PROXY_INVALID_CONFIGURATION'
  | 'XKS_VPC_ENDPOINT_SERVICE_INVALID_CONFIGURATION'
  | 'XKS_PROXY_TIMED_OUT'
  | 'XKS_PROXY_INVALID_TLS_CONFIGURATION';

export type XksProxyConnectivity = 'PUBLIC_ENDPOINT' | 'VPC_ENDPOINT_SERVICE';

/** How KMS reaches and authenticates to an external key store proxy. */
export interface XksProxySettings {
  readonly connectivity: XksProxyConnectivity;
  /** `https://host` (no port, no path). */
  readonly uriEndpoint: string;
  /** `[/prefix]/kms/xks/v1`. */
  readonly uriPath: string;
  readonly vpcEndpointServiceName?: string;
  readonly vpcEndpointServiceOwner?: string;
  readonly accessKeyId: string;
  /** Never returned, never logged. */
  readonly rawSecretAccessKey: string;
}

export interface CloudHsmSettings {
  readonly clusterId: string;
  readonly trustAnchorCertificate: string;
  /** The kmsuser password. Never returned, never logged. */
  readonly keyStorePassword: string;
}

/** One custom key store as the server keeps it. Records are replaced, never mutated. */
export interface CustomKeyStoreRecord {
  readonly id: string;
  readonly account: string;
  readonly region: string;
  readonly name: string;
  readonly type: CustomKeyStoreType;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
  readonly connectionState: ConnectionState;
  /** Present only when `connectionState` is FAILED. */
  readonly connectionErrorCode?: ConnectionErrorCode;
  /**
   * Bumped by every Connect and Disconnect, so a connection attempt that finishes after a later
   * Disconnect (or a newer Connect) does not overwrite the newer state. Not returned.
   */
  readonly connectionAttempt: number;
  readonly cloudHsm?: CloudHsmSettings;
  readonly xks?: XksProxySettings;
}

/** XksProxyConfigurationType on the wire. */
export interface XksProxyConfigurationWire {
  Connectivity: XksProxyConnectivity;
  AccessKeyId: string;
  UriEndpoint: string;
  UriPath: string;
  VpcEndpointServiceName?: string;
  VpcEndpointServiceOwner?: string;
}

/** CustomKeyStoresListEntry on the wire (timestamps as epoch seconds, as AWS JSON 1.1 sends them). */
export interface CustomKeyStoresListEntryWire {
  CustomKeyStoreId: string;
  CustomKeyStoreName: string;
  CloudHsmClusterId?: string;
  TrustAnchorCertificate?: string;
  ConnectionState: ConnectionState;
  ConnectionErrorCode?: ConnectionErrorCode;
  CreationDate: number;
  CustomKeyStoreType: CustomKeyStoreType;
  XksProxyConfiguration?: XksProxyConfigurationWire;
}

const ID_HEX_DIGITS = 17;

/** A new custom key store id: `cks-` + 17 lower-case hex digits. */
export function newCustomKeyStoreId(random: (n: number) => Buffer = randomBytes): string {
  return `cks-${random(9).toString('hex').slice(0, ID_HEX_DIGITS)}`;
}

/** The DescribeCustomKeyStores entry for a record, members in the model's order. */
export function listEntry(store: CustomKeyStoreRecord): CustomKeyStoresListEntryWire {
  const out = { CustomKeyStoreId: store.id, CustomKeyStoreName: store.name } as CustomKeyStoresListEntryWire;
  if (store.cloudHsm) {
    out.CloudHsmClusterId = store.cloudHsm.clusterId;
    out.TrustAnchorCertificate = store.cloudHsm.trustAnchorCertificate;
  }
  out.ConnectionState = store.connectionState;
  if (store.connectionState === 'FAILED' && store.connectionErrorCode !== undefined) out.ConnectionErrorCode = store.connectionErrorCode;
  out.CreationDate = store.createdAt / 1000;
  out.CustomKeyStoreType = store.type;
  if (store.xks) out.XksProxyConfiguration = xksConfiguration(store.xks);
  return out;
}

function xksConfiguration(x: XksProxySettings): XksProxyConfigurationWire {
  const c: XksProxyConfigurationWire = { Connectivity: x.connectivity, AccessKeyId: x.accessKeyId, UriEndpoint: x.uriEndpoint, UriPath: x.uriPath };
  if (x.connectivity === 'VPC_ENDPOINT_SERVICE') {
    if (x.vpcEndpointServiceName !== undefined) c.VpcEndpointServiceName = x.vpcEndpointServiceName;
    if (x.vpcEndpointServiceOwner !== undefined) c.VpcEndpointServiceOwner = x.vpcEndpointServiceOwner;
  }
  return c;
}
