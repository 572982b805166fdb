/**
 * An AWS_CLOUDHSM key store backed by a real PKCS#11 token (SoftHSM2 by default).
 *
 * Mapping of the store's parameters onto the token:
 * - CloudHsmClusterId → the token label (initialise a token per "cluster", e.g.
 *   `softhsm2-util --init-token --free --label cluster-1a23b4cdefg --pin <kmsuser password> --so-pin <so pin>`).
 * - KeyStorePassword (the kmsuser password) → the token's user PIN. ConnectCustomKeyStore opens a
 *   session and logs in (AWS: "connects to the cluster, logs into the CloudHSM client as the kmsuser
 *   CU"); AWS then rotates the kmsuser password, which this stand-in does not do.
 * - TrustAnchorCertificate → compared with the token's public data object labelled
 *   `customerCA.crt` when the token has one (IncorrectTrustAnchorException otherwise); a token
 *   without one accepts any certificate. "Related" clusters (UpdateCustomKeyStore
 *   CloudHsmClusterId) are tokens whose `customerCA.crt` matches the store's certificate.
 * - A token whose user PIN was never set is an inactive cluster at Create/Update
 *   (CloudHsmClusterNotActiveException) and USER_NOT_FOUND at Connect.
 *
 * Login failures map to the ConnectionErrorCode values AWS documents
 * (https://docs.aws.amazon.com/kms/latest/APIReference/API_CustomKeyStoresListEntry.html):
 * CKR_PIN_INCORRECT → INVALID_CREDENTIALS ("The KeyStorePassword ... doesn't match the current
 * password of the kmsuser"), CKR_PIN_LOCKED → USER_LOCKED_OUT, CKR_USER_ALREADY_LOGGED_IN →
 * USER_LOGGED_IN ("The kmsuser CU account is logged into the associated CloudHSM cluster"),
 * CKR_USER_PIN_NOT_INITIALIZED → USER_NOT_FOUND, token gone → CLUSTER_NOT_FOUND, anything else
 * → INTERNAL_ERROR.
 *
 * Keys: AES-256 generated in the token (CKM_AES_KEY_GEN, CKA_SENSITIVE, not CKA_EXTRACTABLE)
 * labelled with the KMS key id ("KMS generates a non-exportable 256-bit symmetric key in its
 * associated CloudHSM cluster", CreateKey CustomKeyStoreId). Encrypt/Decrypt: CKM_AES_GCM in the
 * token with a fresh 96-bit IV and a 128-bit tag.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import type { ConnectionErrorCode } from '../model.js';
import { GCM_IV_LENGTH, GCM_TAG_LENGTH, openPkcs11, Pkcs11CallError, type Pkcs11Module, type Pkcs11Session, SOFTHSM2_LIBRARY } from './pkcs11.js';
import { CiphertextRejected, StoreSessions, type CloudHsmBackend, type ClusterInfo, type ClusterLogin, type ConnectOutcome } from './types.js';

/** The label of the token data object holding the cluster's trust anchor certificate. */
export const TRUST_ANCHOR_LABEL = 'customerCA.crt';

const LOGIN_ERRORS: Record<string, ConnectionErrorCode> = {
  CKR_PIN_INCORRECT: 'INVALID_CREDENTIALS',
  CKR_PIN_INVALID: 'INVALID_CREDENTIALS',
  CKR_PIN_LEN_RANGE: 'INVALID_CREDENTIALS',
  CKR_PIN_LOCKED: 'USER_LOCKED_OUT',
  CKR_USER_ALREADY_LOGGED_IN: 'USER_LOGGED_IN',
  CKR_USER_ANOTHER_ALREADY_LOGGED_IN: 'USER_LOGGED_IN',
  CKR_USER_PIN_NOT_INITIALIZED: 'USER_NOT_FOUND',
  CKR_TOKEN_NOT_PRESENT: 'CLUSTER_NOT_FOUND',
  CKR_DEVICE_REMOVED: 'CLUSTER_NOT_FOUND',
};

export const normalizeCertificate = (pem: string): string => pem.replace(/\r\n/gu, '\n').trim();

export class Pkcs11CloudHsm implements CloudHsmBackend {
  readonly kind = 'pkcs11';
  readonly #module: () => Pkcs11Module;
  readonly #sessions = new StoreSessions<Pkcs11Session>();

  /** The module opens lazily, so constructing this never fails where pkcs11js is absent. */
  constructor(libraryPath: string = SOFTHSM2_LIBRARY) {
    let m: Pkcs11Module | undefined;
    this.#module = () => (m ??= openPkcs11(libraryPath));
  }

  describeCluster(clusterId: string): ClusterInfo | undefined {
    const token = this.#module().token(clusterId);
    if (!token) return undefined;
    const anchor = this.trustAnchor(clusterId);
    return anchor === undefined ? { active: token.userPinInitialized } : { active: token.userPinInitialized, trustAnchorCertificate: anchor };
  }

  private trustAnchor(clusterId: string): string | undefined {
    const s = this.#module().publicSession(clusterId);
    if (!s) return undefined;
    try {
      const data = s.readData(TRUST_ANCHOR_LABEL);
      return data ? normalizeCertificate(data.toString('utf8')) : undefined;
    } finally {
      s.close();
    }
  }

  async connect(login: ClusterLogin): Promise<ConnectOutcome> {
    await this.disconnect(login.storeId);
    const m = this.#module();
    const token = m.token(login.clusterId);
    if (!token) return { ok: false, code: 'CLUSTER_NOT_FOUND' };
    if (!token.userPinInitialized) return { ok: false, code: 'USER_NOT_FOUND' };
    if (token.userPinLocked) return { ok: false, code: 'USER_LOCKED_OUT' };
    try {
      this.#sessions.open(login.storeId, m.login(login.clusterId, login.password));
      return { ok: true };
    } catch (e) {
      return { ok: false, code: e instanceof Pkcs11CallError ? (LOGIN_ERRORS[e.ckr] ?? 'INTERNAL_ERROR') : 'INTERNAL_ERROR' };
    }
  }

  async disconnect(storeId: string): Promise<void> {
    const s = this.#sessions.close(storeId);
    if (!s) return;
    try {
      s.close();
    } catch {
      // A session the token already dropped is as good as closed.
    }
  }

  isConnected(storeId: string): boolean {
    return this.#sessions.has(storeId);
  }

  async generateKey(storeId: string, label: string): Promise<void> {
    this.#sessions.get(storeId).generateAesKey(label);
  }

  async encrypt(storeId: string, label: string, plaintext: Buffer, aad: Buffer): Promise<Buffer> {
    const iv = randomBytes(GCM_IV_LENGTH);
    const { ciphertext, tag } = this.#sessions.get(storeId).gcmEncrypt(label, iv, plaintext, aad);
    return Buffer.concat([iv, tag, ciphertext]);
  }

  async decrypt(storeId: string, label: string, data: Buffer, aad: Buffer): Promise<Buffer> {
    const s = this.#sessions.get(storeId);
    if (data.length < GCM_IV_LENGTH + GCM_TAG_LENGTH) throw new CiphertextRejected();
    const iv = data.subarray(0, GCM_IV_LENGTH);
    const tag = data.subarray(GCM_IV_LENGTH, GCM_IV_LENGTH + GCM_TAG_LENGTH);
    try {
      return s.gcmDecrypt(label, iv, data.subarray(GCM_IV_LENGTH + GCM_TAG_LENGTH), tag, aad);
    } catch (e) {
      // SoftHSM2 answers a failed GCM tag check with CKR_GENERAL_ERROR, others with
      // CKR_ENCRYPTED_DATA_INVALID: both mean "does not authenticate".
      if (e instanceof Pkcs11CallError && e.fn === 'C_Decrypt') throw new CiphertextRejected();
      throw e;
    }
  }

  async generateRandom(storeId: string, length: number): Promise<Buffer> {
    return this.#sessions.get(storeId).random(length);
  }
}
