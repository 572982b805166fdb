/**
 * A software CloudHSM cluster stand-in, for machines without a PKCS#11 token (and for fast unit
 * tests). Same contract and the same error mapping as the PKCS#11 backend (cloudhsm-pkcs11.ts):
 * clusters are configured up front with the kmsuser password, an optional trust anchor and
 * whether the user exists or is locked out; keys live in the cluster (node:crypto AES-256-GCM,
 * held as non-exportable KeyObjects, never returned).
 *
 * @module
 */
import { createCipheriv, createDecipheriv, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { CiphertextRejected, StoreSessions, type CloudHsmBackend, type ClusterInfo, type ClusterLogin, type ConnectOutcome } from './types.js';

const IV = 12;
const TAG = 16;

export interface SoftwareClusterConfig {
  /** The kmsuser password; absent = no kmsuser (USER_NOT_FOUND). */
  readonly kmsuserPassword?: string;
  readonly trustAnchorCertificate?: string;
  /** Default true. */
  readonly active?: boolean;
  readonly userLockedOut?: boolean;
}

interface Cluster {
  readonly config: SoftwareClusterConfig;
  readonly keys: Map<string, KeyObject>;
  loggedIn: boolean;
}

/** AES-256-GCM: `iv ‖ tag ‖ ciphertext`. */
export function gcmSeal(key: KeyObject, plaintext: Buffer, aad: Buffer): Buffer {
  const iv = randomBytes(IV);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(aad);
  const ct = Buffer.concat([c.update(plaintext), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), ct]);
}

/** Opens {@link gcmSeal}'s output; throws {@link CiphertextRejected}. */
export function gcmOpen(key: KeyObject, data: Buffer, aad: Buffer): Buffer {
  if (data.length < IV + TAG) throw new CiphertextRejected();
  try {
    const d = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV));
    d.setAAD(aad);
    d.setAuthTag(data.subarray(IV, IV + TAG));
    return Buffer.concat([d.update(data.subarray(IV + TAG)), d.final()]);
  } catch {
    throw new CiphertextRejected();
  }
}

export const newAesKey = (): KeyObject => createSecretKey(randomBytes(32));

export class SoftwareCloudHsm implements CloudHsmBackend {
  readonly kind = 'software';
  readonly #clusters = new Map<string, Cluster>();
  readonly #sessions = new StoreSessions<Cluster>();

  constructor(clusters: Record<string, SoftwareClusterConfig> = {}) {
    for (const [id, config] of Object.entries(clusters)) this.addCluster(id, config);
  }

  addCluster(clusterId: string, config: SoftwareClusterConfig): void {
    this.#clusters.set(clusterId, { config, keys: new Map(), loggedIn: false });
  }

  describeCluster(clusterId: string): ClusterInfo | undefined {
    const c = this.#clusters.get(clusterId);
    if (!c) return undefined;
    const active = (c.config.active ?? true) && c.config.kmsuserPassword !== undefined;
    return c.config.trustAnchorCertificate === undefined ? { active } : { active, trustAnchorCertificate: c.config.trustAnchorCertificate };
  }

  async connect(login: ClusterLogin): Promise<ConnectOutcome> {
    await this.disconnect(login.storeId);
    const c = this.#clusters.get(login.clusterId);
    if (!c) return { ok: false, code: 'CLUSTER_NOT_FOUND' };
    if (c.config.active === false) return { ok: false, code: 'INSUFFICIENT_CLOUDHSM_HSMS' };
    if (c.config.kmsuserPassword === undefined) return { ok: false, code: 'USER_NOT_FOUND' };
    if (c.config.userLockedOut) return { ok: false, code: 'USER_LOCKED_OUT' };
    if (c.loggedIn) return { ok: false, code: 'USER_LOGGED_IN' };
    if (login.password !== c.config.kmsuserPassword) return { ok: false, code: 'INVALID_CREDENTIALS' };
    c.loggedIn = true;
    this.#sessions.open(login.storeId, c);
    return { ok: true };
  }

  async disconnect(storeId: string): Promise<void> {
    const c = this.#sessions.close(storeId);
    if (c) c.loggedIn = false;
  }

  isConnected(storeId: string): boolean {
    return this.#sessions.has(storeId);
  }

  private key(storeId: string, label: string): KeyObject {
    const k = this.#sessions.get(storeId).keys.get(label);
    if (!k) throw new CiphertextRejected();
    return k;
  }

  async generateKey(storeId: string, label: string): Promise<void> {
    this.#sessions.get(storeId).keys.set(label, newAesKey());
  }

  async encrypt(storeId: string, label: string, plaintext: Buffer, aad: Buffer): Promise<Buffer> {
    return gcmSeal(this.key(storeId, label), plaintext, aad);
  }

  async decrypt(storeId: string, label: string, data: Buffer, aad: Buffer): Promise<Buffer> {
    return gcmOpen(this.key(storeId, label), data, aad);
  }

  async generateRandom(storeId: string, length: number): Promise<Buffer> {
    this.#sessions.get(storeId); // throws when the store is not connected
    return randomBytes(length);
  }
}
