/**
 * A small PKCS#11 layer over the optional `pkcs11js` binding: tokens by label, user sessions,
 * AES-256 keys generated inside the token (CKM_AES_KEY_GEN, sensitive, non-extractable, labelled)
 * and AES-GCM encryption in the token (CKM_AES_GCM, 96-bit IV, 128-bit tag). Used by the CloudHSM
 * key store backend (cloudhsm-pkcs11.ts) and the reference XKS proxy's key manager.
 *
 * `pkcs11js` is loaded lazily with `createRequire` the first time a module is opened, so the server
 * starts (and everything else works) where it is not installed; {@link pkcs11Availability} says why
 * not. The default library is SoftHSM2's (Debian package `softhsm2`). SoftHSM2 reads its token
 * directory from `SOFTHSM2_CONF` once, at C_Initialize, and sees only tokens that existed then or
 * were initialised through this same module ({@link Pkcs11Module.initToken}).
 *
 * Errors are {@link Pkcs11CallError}s carrying only the CKR_ name and number: never a PIN, a
 * plaintext or key bytes.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export const SOFTHSM2_LIBRARY = '/usr/lib/softhsm/libsofthsm2.so';

/** The subset of pkcs11js's PKCS11 class used here (its own .d.ts is not needed to build). */
interface Pkcs11Native {
  load(path: string): void;
  C_Initialize(): void;
  C_Finalize(): void;
  C_GetSlotList(tokenPresent?: boolean): Buffer[];
  C_GetTokenInfo(slot: Buffer): { label: string; flags: number; serialNumber: string; model: string; manufacturerID: string };
  C_InitToken(slot: Buffer, pin: string, label: string): string;
  C_InitPIN(session: Buffer, pin: string): void;
  C_OpenSession(slot: Buffer, flags: number): Buffer;
  C_CloseSession(session: Buffer): void;
  C_Login(session: Buffer, userType: number, pin: string): void;
  C_Logout(session: Buffer): void;
  C_GenerateKey(session: Buffer, mechanism: { mechanism: number }, template: Attr[]): Buffer;
  C_CreateObject(session: Buffer, template: Attr[]): Buffer;
  C_DestroyObject(session: Buffer, object: Buffer): void;
  C_FindObjectsInit(session: Buffer, template: Attr[]): void;
  C_FindObjects(session: Buffer, max: number): Buffer[];
  C_FindObjectsFinal(session: Buffer): void;
  C_GetAttributeValue(session: Buffer, object: Buffer, template: Attr[]): Attr[];
  C_EncryptInit(session: Buffer, mechanism: unknown, key: Buffer): void;
  C_Encrypt(session: Buffer, data: Buffer, out: Buffer): Buffer;
  C_DecryptInit(session: Buffer, mechanism: unknown, key: Buffer): void;
  C_Decrypt(session: Buffer, data: Buffer, out: Buffer): Buffer;
  C_GenerateRandom(session: Buffer, out: Buffer): Buffer;
}
interface Attr {
  type: number;
  value?: number | boolean | string | Buffer;
}
type Binding = { PKCS11: new () => Pkcs11Native } & Record<string, unknown>;

/** A failed Cryptoki call: `ckr` is the CKR_ name (e.g. CKR_PIN_INCORRECT), nothing else. */
export class Pkcs11CallError extends Error {
  constructor(
    readonly ckr: string,
    readonly code: number,
    readonly fn: string,
  ) {
    super(`${fn} failed: ${ckr}`);
    this.name = 'Pkcs11CallError';
  }
}

/** pkcs11js or the PKCS#11 library is not there. */
export class Pkcs11UnavailableError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'Pkcs11UnavailableError';
  }
}

let binding: Binding | undefined;
let bindingError: string | undefined;

function loadBinding(): Binding {
  if (binding) return binding;
  if (bindingError === undefined) {
    try {
      binding = createRequire(import.meta.url)('pkcs11js') as Binding;
      return binding;
    } catch (e) {
      bindingError = `the optional npm package pkcs11js is not installed or did not build (${(e as Error).message.split('\n')[0]})`;
    }
  }
  throw new Pkcs11UnavailableError(bindingError);
}

/** Whether PKCS#11 keystores can run here, and why not. */
export function pkcs11Availability(libraryPath = SOFTHSM2_LIBRARY): { ok: true } | { ok: false; reason: string } {
  try {
    loadBinding();
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
  if (!existsSync(libraryPath)) return { ok: false, reason: `PKCS#11 library ${libraryPath} not found (Debian package softhsm2)` };
  return { ok: true };
}

const modules = new Map<string, Pkcs11Module>();

/** The process-wide module for a library (C_Initialize once per process and library). */
export function openPkcs11(libraryPath = SOFTHSM2_LIBRARY): Pkcs11Module {
  let m = modules.get(libraryPath);
  if (!m) {
    m = new Pkcs11Module(loadBinding(), libraryPath);
    modules.set(libraryPath, m);
  }
  return m;
}

/** Blank and NUL padding stripped (tokens pad labels to 32 bytes). */
const trimLabel = (s: string): string => s.replace(/[\s\0]+$/u, '');

export interface TokenSummary {
  readonly label: string;
  readonly initialized: boolean;
  readonly userPinInitialized: boolean;
  readonly userPinLocked: boolean;
}

export class Pkcs11Module {
  readonly #native: Pkcs11Native;
  readonly #c: Record<string, number>;
  readonly #errorName: (e: unknown) => Pkcs11CallError | undefined;

  constructor(b: Binding, libraryPath: string) {
    if (!existsSync(libraryPath)) throw new Pkcs11UnavailableError(`PKCS#11 library ${libraryPath} not found`);
    this.#c = b as unknown as Record<string, number>;
    this.#native = new b.PKCS11();
    this.#native.load(libraryPath);
    this.#errorName = (e) => {
      const code = (e as { code?: unknown }).code;
      if (typeof code !== 'number') return undefined;
      const name = Object.keys(this.#c).find((k) => k.startsWith('CKR_') && this.#c[k] === code) ?? `CKR_0x${code.toString(16)}`;
      return new Pkcs11CallError(name, code, 'C_*');
    };
    try {
      this.#native.C_Initialize();
    } catch (e) {
      if (this.#errorName(e)?.ckr !== 'CKR_CRYPTOKI_ALREADY_INITIALIZED') throw this.wrap(e, 'C_Initialize');
    }
  }

  /** A CKx_ constant of the binding. */
  k(name: string): number {
    const v = this.#c[name];
    if (typeof v !== 'number') throw new Error(`unknown PKCS#11 constant ${name}`);
    return v;
  }

  /** Runs a Cryptoki call; any failure becomes a {@link Pkcs11CallError}. */
  call<T>(fn: string, f: (n: Pkcs11Native) => T): T {
    try {
      return f(this.#native);
    } catch (e) {
      throw this.wrap(e, fn);
    }
  }

  private wrap(e: unknown, fn: string): Error {
    const named = this.#errorName(e);
    return named ? new Pkcs11CallError(named.ckr, named.code, fn) : new Pkcs11CallError('CKR_GENERAL_ERROR', 5, fn);
  }

  tokens(): TokenSummary[] {
    return this.call('C_GetSlotList', (n) => n.C_GetSlotList(true)).map((slot) => this.summary(slot));
  }

  private summary(slot: Buffer): TokenSummary {
    const info = this.call('C_GetTokenInfo', (n) => n.C_GetTokenInfo(slot));
    return {
      label: trimLabel(info.label),
      initialized: (info.flags & this.k('CKF_TOKEN_INITIALIZED')) !== 0,
      userPinInitialized: (info.flags & this.k('CKF_USER_PIN_INITIALIZED')) !== 0,
      userPinLocked: (info.flags & this.k('CKF_USER_PIN_LOCKED')) !== 0,
    };
  }

  /** The slot holding the initialised token with this label. */
  slotOf(label: string): Buffer | undefined {
    for (const slot of this.call('C_GetSlotList', (n) => n.C_GetSlotList(true))) {
      const s = this.summary(slot);
      if (s.initialized && s.label === label) return slot;
    }
    return undefined;
  }

  token(label: string): TokenSummary | undefined {
    const slot = this.slotOf(label);
    return slot ? this.summary(slot) : undefined;
  }

  /** Initialises a free token slot as `label` with an SO PIN and a user PIN (SoftHSM2 keeps one free slot). */
  initToken(label: string, soPin: string, userPin: string): void {
    const free = this.call('C_GetSlotList', (n) => n.C_GetSlotList(true)).find((s) => !this.summary(s).initialized);
    if (!free) throw new Pkcs11CallError('CKR_TOKEN_NOT_PRESENT', this.k('CKR_TOKEN_NOT_PRESENT'), 'C_InitToken');
    this.call('C_InitToken', (n) => n.C_InitToken(free, soPin, label));
    const slot = this.slotOf(label);
    if (!slot) throw new Pkcs11CallError('CKR_TOKEN_NOT_RECOGNIZED', this.k('CKR_TOKEN_NOT_RECOGNIZED'), 'C_InitToken');
    const session = this.call('C_OpenSession', (n) => n.C_OpenSession(slot, this.k('CKF_SERIAL_SESSION') | this.k('CKF_RW_SESSION')));
    try {
      this.call('C_Login', (n) => n.C_Login(session, this.k('CKU_SO'), soPin));
      this.call('C_InitPIN', (n) => n.C_InitPIN(session, userPin));
      this.call('C_Logout', (n) => n.C_Logout(session));
    } finally {
      this.call('C_CloseSession', (n) => n.C_CloseSession(session));
    }
  }

  /** A read-write session on the token, logged in as the user (CKU_USER) with `pin`. */
  login(label: string, pin: string): Pkcs11Session {
    const slot = this.slotOf(label);
    if (!slot) throw new Pkcs11CallError('CKR_TOKEN_NOT_PRESENT', this.k('CKR_TOKEN_NOT_PRESENT'), 'C_OpenSession');
    const session = this.call('C_OpenSession', (n) => n.C_OpenSession(slot, this.k('CKF_SERIAL_SESSION') | this.k('CKF_RW_SESSION')));
    try {
      this.call('C_Login', (n) => n.C_Login(session, this.k('CKU_USER'), pin));
    } catch (e) {
      this.call('C_CloseSession', (n) => n.C_CloseSession(session));
      throw e;
    }
    return new Pkcs11Session(this, session);
  }

  /** A read-only public session (no login): reads public objects such as the trust anchor. */
  publicSession(label: string): Pkcs11Session | undefined {
    const slot = this.slotOf(label);
    if (!slot) return undefined;
    return new Pkcs11Session(this, this.call('C_OpenSession', (n) => n.C_OpenSession(slot, this.k('CKF_SERIAL_SESSION'))), false);
  }
}

export const GCM_IV_LENGTH = 12;
export const GCM_TAG_LENGTH = 16;

export class Pkcs11Session {
  readonly #keys = new Map<string, Buffer>();

  constructor(
    private readonly m: Pkcs11Module,
    private readonly handle: Buffer,
    private readonly loggedIn = true,
  ) {}

  private find(template: Attr[]): Buffer[] {
    const { m, handle } = this;
    m.call('C_FindObjectsInit', (n) => n.C_FindObjectsInit(handle, template));
    try {
      return m.call('C_FindObjects', (n) => n.C_FindObjects(handle, 2));
    } finally {
      m.call('C_FindObjectsFinal', (n) => n.C_FindObjectsFinal(handle));
    }
  }

  /** The token's AES key labelled `label`, if exactly one exists. */
  findKey(label: string): Buffer | undefined {
    const cached = this.#keys.get(label);
    if (cached) return cached;
    const { m } = this;
    const found = this.find([
      { type: m.k('CKA_CLASS'), value: m.k('CKO_SECRET_KEY') },
      { type: m.k('CKA_LABEL'), value: label },
    ]);
    if (found.length !== 1) return undefined;
    this.#keys.set(label, found[0]!);
    return found[0];
  }

  /** Generates a persistent AES-256 key inside the token: sensitive, never extractable. */
  generateAesKey(label: string, opts: { encrypt?: boolean; decrypt?: boolean; token?: boolean } = {}): void {
    const { m, handle } = this;
    const key = m.call('C_GenerateKey', (n) =>
      n.C_GenerateKey(handle, { mechanism: m.k('CKM_AES_KEY_GEN') }, [
        { type: m.k('CKA_CLASS'), value: m.k('CKO_SECRET_KEY') },
        { type: m.k('CKA_KEY_TYPE'), value: m.k('CKK_AES') },
        { type: m.k('CKA_VALUE_LEN'), value: 32 },
        { type: m.k('CKA_TOKEN'), value: opts.token ?? true },
        { type: m.k('CKA_PRIVATE'), value: true },
        { type: m.k('CKA_SENSITIVE'), value: true },
        { type: m.k('CKA_EXTRACTABLE'), value: false },
        { type: m.k('CKA_ENCRYPT'), value: opts.encrypt ?? true },
        { type: m.k('CKA_DECRYPT'), value: opts.decrypt ?? true },
        { type: m.k('CKA_LABEL'), value: label },
      ]),
    );
    this.#keys.set(label, key);
  }

  /** Key length in bytes and whether it may encrypt / decrypt. */
  keyInfo(label: string): { valueLength: number; encrypt: boolean; decrypt: boolean; keyType: number } | undefined {
    const key = this.findKey(label);
    if (!key) return undefined;
    const { m, handle } = this;
    const attrs = m.call('C_GetAttributeValue', (n) =>
      n.C_GetAttributeValue(handle, key, [
        { type: m.k('CKA_VALUE_LEN') },
        { type: m.k('CKA_ENCRYPT') },
        { type: m.k('CKA_DECRYPT') },
        { type: m.k('CKA_KEY_TYPE') },
      ]),
    );
    const num = (a: Attr | undefined): number => (Buffer.isBuffer(a?.value) ? a.value.readUIntLE(0, Math.min(a.value.length, 6)) : Number(a?.value ?? 0));
    const bool = (a: Attr | undefined): boolean => (Buffer.isBuffer(a?.value) ? a.value[0] === 1 : Boolean(a?.value));
    return { valueLength: num(attrs[0]), encrypt: bool(attrs[1]), decrypt: bool(attrs[2]), keyType: num(attrs[3]) };
  }

  destroyKey(label: string): boolean {
    const key = this.findKey(label);
    if (!key) return false;
    this.m.call('C_DestroyObject', (n) => n.C_DestroyObject(this.handle, key));
    this.#keys.delete(label);
    return true;
  }

  private gcm(iv: Buffer, aad: Buffer): unknown {
    const { m } = this;
    return { mechanism: m.k('CKM_AES_GCM'), parameter: { type: m.k('CK_PARAMS_GCM'), iv, ivBits: iv.length * 8, aad, tagBits: GCM_TAG_LENGTH * 8 } };
  }

  /** AES-GCM in the token; returns ciphertext and tag separately. */
  gcmEncrypt(label: string, iv: Buffer, plaintext: Buffer, aad: Buffer): { ciphertext: Buffer; tag: Buffer } {
    const key = this.requireKey(label, 'C_EncryptInit');
    const { m, handle } = this;
    m.call('C_EncryptInit', (n) => n.C_EncryptInit(handle, this.gcm(iv, aad), key));
    const out = m.call('C_Encrypt', (n) => n.C_Encrypt(handle, plaintext, Buffer.alloc(plaintext.length + GCM_TAG_LENGTH)));
    return { ciphertext: out.subarray(0, out.length - GCM_TAG_LENGTH), tag: out.subarray(out.length - GCM_TAG_LENGTH) };
  }

  /** AES-GCM decryption in the token; a wrong tag, IV or AAD throws a Pkcs11CallError. */
  gcmDecrypt(label: string, iv: Buffer, ciphertext: Buffer, tag: Buffer, aad: Buffer): Buffer {
    const key = this.requireKey(label, 'C_DecryptInit');
    const { m, handle } = this;
    m.call('C_DecryptInit', (n) => n.C_DecryptInit(handle, this.gcm(iv, aad), key));
    const input = Buffer.concat([ciphertext, tag]);
    return m.call('C_Decrypt', (n) => n.C_Decrypt(handle, input, Buffer.alloc(input.length)));
  }

  random(length: number): Buffer {
    return this.m.call('C_GenerateRandom', (n) => n.C_GenerateRandom(this.handle, Buffer.alloc(length)));
  }

  /** A public data object's value (CKO_DATA with this label), if any. */
  readData(label: string): Buffer | undefined {
    const { m, handle } = this;
    const found = this.find([
      { type: m.k('CKA_CLASS'), value: m.k('CKO_DATA') },
      { type: m.k('CKA_LABEL'), value: label },
    ]);
    if (found.length !== 1) return undefined;
    const [attr] = m.call('C_GetAttributeValue', (n) => n.C_GetAttributeValue(handle, found[0]!, [{ type: m.k('CKA_VALUE') }]));
    return Buffer.isBuffer(attr?.value) ? attr.value : undefined;
  }

  /** Stores a public token data object (e.g. the cluster's trust anchor certificate). */
  writeData(label: string, value: Buffer): void {
    const { m, handle } = this;
    m.call('C_CreateObject', (n) =>
      n.C_CreateObject(handle, [
        { type: m.k('CKA_CLASS'), value: m.k('CKO_DATA') },
        { type: m.k('CKA_TOKEN'), value: true },
        { type: m.k('CKA_PRIVATE'), value: false },
        { type: m.k('CKA_LABEL'), value: label },
        { type: m.k('CKA_VALUE'), value },
      ]),
    );
  }

  private requireKey(label: string, fn: string): Buffer {
    const key = this.findKey(label);
    if (!key) throw new Pkcs11CallError('CKR_KEY_HANDLE_INVALID', this.m.k('CKR_KEY_HANDLE_INVALID'), fn);
    return key;
  }

  close(): void {
    const { m, handle } = this;
    try {
      if (this.loggedIn) m.call('C_Logout', (n) => n.C_Logout(handle));
    } finally {
      m.call('C_CloseSession', (n) => n.C_CloseSession(handle));
      this.#keys.clear();
    }
  }
}
