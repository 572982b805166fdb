/**
 * What the custom key store handlers need from the things behind a store: a CloudHSM cluster
 * stand-in (PKCS#11 token or software) and an XKS proxy client.
 *
 * @module
 */
import type { ConnectionErrorCode, XksProxySettings } from '../model.js';

export type ConnectOutcome = { readonly ok: true } | { readonly ok: false; readonly code: ConnectionErrorCode };

/** What CreateCustomKeyStore / UpdateCustomKeyStore learn about a cluster. */
export interface ClusterInfo {
  /** False: CloudHsmClusterNotActiveException. */
  readonly active: boolean;
  /** The cluster's trust anchor (customerCA.crt), when the cluster records one. */
  readonly trustAnchorCertificate?: string;
}

/** The store's view of its cluster: the cluster id and the kmsuser password. */
export interface ClusterLogin {
  readonly storeId: string;
  readonly clusterId: string;
  readonly password: string;
}

/**
 * A CloudHSM cluster stand-in. Keys live in the cluster under a label (the KMS key id); the
 * backend keeps one logged-in session per connected store.
 */
export interface CloudHsmBackend {
  readonly kind: 'pkcs11' | 'software';
  /** Undefined when there is no such cluster. */
  describeCluster(clusterId: string): ClusterInfo | undefined;
  /** Log in as kmsuser; a failure names the ConnectionErrorCode AWS reports. */
  connect(login: ClusterLogin): Promise<ConnectOutcome>;
  disconnect(storeId: string): Promise<void>;
  isConnected(storeId: string): boolean;
  /** A non-extractable AES-256 key generated in the cluster. */
  generateKey(storeId: string, label: string): Promise<void>;
  /** AES-256-GCM in the cluster: `iv (12) ‖ tag (16) ‖ ciphertext`. */
  encrypt(storeId: string, label: string, plaintext: Buffer, aad: Buffer): Promise<Buffer>;
  /** Throws {@link CiphertextRejected} when the data does not authenticate. */
  decrypt(storeId: string, label: string, data: Buffer, aad: Buffer): Promise<Buffer>;
  generateRandom(storeId: string, length: number): Promise<Buffer>;
}

/** The backing key store did not accept a ciphertext (tag, IV, AAD or length wrong). */
export class CiphertextRejected extends Error {
  constructor() {
    super('ciphertext rejected');
    this.name = 'CiphertextRejected';
  }
}

/** The backend has no session for this store (e.g. after a server restart). */
export class StoreNotConnected extends Error {
  constructor(storeId: string) {
    super(`custom key store ${storeId} has no session`);
    this.name = 'StoreNotConnected';
  }
}

/** A backend's sessions, one per connected store. */
export class StoreSessions<S> {
  readonly #byStore = new Map<string, S>();

  open(storeId: string, session: S): void {
    this.#byStore.set(storeId, session);
  }

  /** Forgets the store's session and returns it (undefined: the store was not connected). */
  close(storeId: string): S | undefined {
    const s = this.#byStore.get(storeId);
    this.#byStore.delete(storeId);
    return s;
  }

  has(storeId: string): boolean {
    return this.#byStore.has(storeId);
  }

  /** @throws StoreNotConnected when the store has no session. */
  get(storeId: string): S {
    const s = this.#byStore.get(storeId);
    if (!s) throw new StoreNotConnected(storeId);
    return s;
  }
}

// ---------------------------------------------------------------------------------------------
// XKS proxy API (https://github.com/aws/aws-kms-xksproxy-api-spec/blob/main/xks_proxy_api_spec.md)
// ---------------------------------------------------------------------------------------------

/** requestMetadata, as the spec names its fields. */
export interface XksRequestMetadata {
  readonly awsPrincipalArn?: string;
  readonly kmsKeyArn?: string;
  readonly kmsOperation: string;
  readonly kmsRequestId: string;
  readonly kmsViaService?: string;
}

export interface XksHealth {
  readonly xksProxyFleetSize: number;
  readonly xksProxyVendor: string;
  readonly xksProxyModel: string;
  readonly ekmVendor: string;
  readonly ekmFleetDetails: readonly { readonly id: string; readonly model: string; readonly healthStatus: 'ACTIVE' | 'DEGRADED' | 'UNAVAILABLE' }[];
}

export interface XksKeyMetadata {
  readonly keySpec: string;
  readonly keyUsage: readonly string[];
  readonly keyStatus: string;
}

export interface XksEncrypted {
  readonly ciphertext: Buffer;
  readonly ciphertextMetadata?: Buffer;
  readonly initializationVector: Buffer;
  readonly authenticationTag: Buffer;
}

/** Where the proxy is and how to sign for it: the store's settings and its Region. */
export interface XksTarget {
  readonly settings: XksProxySettings;
  readonly region: string;
}

/** The four XKS proxy calls. Failures are {@link XksCallError}s. */
export interface XksProxyApi {
  health(target: XksTarget, meta: XksRequestMetadata): Promise<XksHealth>;
  keyMetadata(target: XksTarget, externalKeyId: string, meta: XksRequestMetadata): Promise<XksKeyMetadata>;
  encrypt(target: XksTarget, externalKeyId: string, plaintext: Buffer, aad: Buffer | undefined, meta: XksRequestMetadata): Promise<XksEncrypted>;
  decrypt(target: XksTarget, externalKeyId: string, encrypted: XksEncrypted, aad: Buffer | undefined, meta: XksRequestMetadata): Promise<Buffer>;
}

/**
 * How a call to the proxy failed. `proxy`: the proxy answered with an error (`errorName` from
 * its JSON body, e.g. AuthenticationFailedException); the others are KMS-side observations.
 */
export type XksFailure =
  | { readonly kind: 'proxy'; readonly status: number; readonly errorName: string }
  | { readonly kind: 'unreachable' | 'timeout' | 'tls' | 'malformed' | 'invalid-ciphertext' };

export class XksCallError extends Error {
  constructor(readonly failure: XksFailure) {
    super(failure.kind === 'proxy' ? `XKS proxy answered ${failure.status} ${failure.errorName}` : `XKS proxy call failed: ${failure.kind}`);
    this.name = 'XksCallError';
  }
}
