/**
 * External key managers behind the reference XKS proxy: a PKCS#11 token (SoftHSM2) and a
 * software one. Keys are AES-256, addressed by their external key id (the token key's label).
 *
 * @module
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { openPkcs11, Pkcs11CallError, type Pkcs11Session, SOFTHSM2_LIBRARY } from '../keystores/backends/pkcs11.js';
import { CiphertextRejected } from '../keystores/backends/types.js';

export type EkmHealth = 'ACTIVE' | 'DEGRADED' | 'UNAVAILABLE';

export interface ExternalKeyInfo {
  /** `AES_256` for a 256-bit AES key. */
  readonly keySpec: string;
  /** `ENCRYPT`, `DECRYPT`, ... */
  readonly usage: readonly string[];
  readonly enabled: boolean;
}

export interface ExternalKeyManager {
  readonly vendor: string;
  readonly model: string;
  /** A deep check: a test key encrypts and decrypts. */
  health(): Promise<EkmHealth>;
  describeKey(id: string): Promise<ExternalKeyInfo | undefined>;
  encrypt(id: string, plaintext: Buffer, aad: Buffer): Promise<{ iv: Buffer; ciphertext: Buffer; tag: Buffer }>;
  /** Throws {@link CiphertextRejected} when the input does not authenticate. */
  decrypt(id: string, iv: Buffer, ciphertext: Buffer, tag: Buffer, aad: Buffer): Promise<Buffer>;
  close?(): void;
}

/** In-memory AES-256 keys; keys can be disabled and the manager made unavailable (for tests). */
export class SoftwareEkm implements ExternalKeyManager {
  readonly vendor = 'kmsbench';
  readonly model = 'kmsbench software key manager';
  readonly #keys = new Map<string, { material: Buffer; enabled: boolean; usage: string[] }>();
  available = true;

  createKey(id: string, opts: { usage?: string[]; enabled?: boolean } = {}): void {
    this.#keys.set(id, { material: randomBytes(32), enabled: opts.enabled ?? true, usage: opts.usage ?? ['ENCRYPT', 'DECRYPT'] });
  }

  setEnabled(id: string, enabled: boolean): void {
    const k = this.#keys.get(id);
    if (k) k.enabled = enabled;
  }

  async health(): Promise<EkmHealth> {
    return this.available ? 'ACTIVE' : 'UNAVAILABLE';
  }

  async describeKey(id: string): Promise<ExternalKeyInfo | undefined> {
    const k = this.#keys.get(id);
    return k && { keySpec: 'AES_256', usage: k.usage, enabled: k.enabled };
  }

  private material(id: string): Buffer {
    const k = this.#keys.get(id);
    if (!k) throw new CiphertextRejected();
    return k.material;
  }

  async encrypt(id: string, plaintext: Buffer, aad: Buffer): Promise<{ iv: Buffer; ciphertext: Buffer; tag: Buffer }> {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.material(id), iv);
    c.setAAD(aad);
    const ciphertext = Buffer.concat([c.update(plaintext), c.final()]);
    return { iv, ciphertext, tag: c.getAuthTag() };
  }

  async decrypt(id: string, iv: Buffer, ciphertext: Buffer, tag: Buffer, aad: Buffer): Promise<Buffer> {
    try {
      const d = createDecipheriv('aes-256-gcm', this.material(id), iv);
      d.setAAD(aad);
      d.setAuthTag(tag);
      return Buffer.concat([d.update(ciphertext), d.final()]);
    } catch {
      throw new CiphertextRejected();
    }
  }
}

const HEALTH_KEY = 'kmsbench-xks-health-check';

/**
 * Keys in a PKCS#11 token (SoftHSM2 by default), logged in as the user. A key is usable when it is
 * an AES key of 32 bytes; its usage comes from CKA_ENCRYPT/CKA_DECRYPT. PKCS#11 keys cannot be
 * disabled, so keyStatus is always ENABLED ("If neither the external key manager nor the XKS
 * Proxy support disabling individual keys, the XKS Proxy MUST return ENABLED").
 */
export class Pkcs11Ekm implements ExternalKeyManager {
  readonly vendor = 'kmsbench';
  readonly model: string;
  #session: Pkcs11Session | undefined;

  constructor(
    private readonly tokenLabel: string,
    private readonly pin: string,
    private readonly libraryPath: string = SOFTHSM2_LIBRARY,
  ) {
    this.model = `PKCS#11 token ${tokenLabel}`;
  }

  private session(): Pkcs11Session {
    return (this.#session ??= openPkcs11(this.libraryPath).login(this.tokenLabel, this.pin));
  }

  /** Generates an AES-256 key in the token (setup, CLI). */
  createKey(id: string, opts: { encrypt?: boolean; decrypt?: boolean } = {}): void {
    this.session().generateAesKey(id, opts);
  }

  async health(): Promise<EkmHealth> {
    try {
      const s = this.session();
      if (!s.findKey(HEALTH_KEY)) s.generateAesKey(HEALTH_KEY, { token: false });
      const iv = randomBytes(12);
      const probe = Buffer.from('health');
      const { ciphertext, tag } = s.gcmEncrypt(HEALTH_KEY, iv, probe, Buffer.alloc(0));
      return s.gcmDecrypt(HEALTH_KEY, iv, ciphertext, tag, Buffer.alloc(0)).equals(probe) ? 'ACTIVE' : 'UNAVAILABLE';
    } catch {
      return 'UNAVAILABLE';
    }
  }

  async describeKey(id: string): Promise<ExternalKeyInfo | undefined> {
    if (id === HEALTH_KEY) return undefined;
    const info = this.session().keyInfo(id);
    if (!info) return undefined;
    const usage = [...(info.encrypt ? ['ENCRYPT'] : []), ...(info.decrypt ? ['DECRYPT'] : [])];
    return { keySpec: info.valueLength === 32 ? 'AES_256' : `AES_${info.valueLength * 8}`, usage, enabled: true };
  }

  async encrypt(id: string, plaintext: Buffer, aad: Buffer): Promise<{ iv: Buffer; ciphertext: Buffer; tag: Buffer }> {
    const iv = randomBytes(12);
    return { iv, ...this.session().gcmEncrypt(id, iv, plaintext, aad) };
  }

  async decrypt(id: string, iv: Buffer, ciphertext: Buffer, tag: Buffer, aad: Buffer): Promise<Buffer> {
    try {
      return this.session().gcmDecrypt(id, iv, ciphertext, tag, aad);
    } catch (e) {
      if (e instanceof Pkcs11CallError && e.fn === 'C_Decrypt') throw new CiphertextRejected();
      throw e;
    }
  }

  close(): void {
    this.#session?.close();
    this.#session = undefined;
  }
}
