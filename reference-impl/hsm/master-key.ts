/**
 * The HSM master key and the sealing of backing keys under it.
 *
 * Master key: 32 random bytes, from env `KMSBENCH_MASTER_KEY` (base64) if set, else from
 * `<dataDir>/master.key` (32 raw bytes; a base64 text file is accepted too), created on first
 * use. Creation is atomic and race-safe across processes: the key is written to a unique temp
 * file (mode 0600) and published with `link(2)`, which — unlike `rename(2)` — fails with
 * EEXIST instead of replacing a key another process published first. The loser discards its
 * candidate and reads the winner's file, so every loader ends up with the same key.
 *
 * Sealing: backing keys are stored only sealed, AES-256-GCM under a key-encryption key derived
 * from the master key (HKDF-SHA256, purpose label), with the key ARN and backing-key version
 * bound in as AAD: a sealed key cannot be moved to another key or version.
 *
 * Sealed format version 1 (the layout of ./sealing.ts): `0x01 ‖ IV (12) ‖ tag (16) ‖ encrypted key
 * material`; AAD = bytes 0..13 ‖ "kmsbench/hsm/sealed-key-material/v1" ‖ u32 BE len(ARN) ‖ ARN (UTF-8) ‖
 * u32 BE backing-key version.
 *
 * @module
 */

import { randomBytes, randomFillSync } from 'node:crypto';
import { link, mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { KMSInternalException } from '../errors.js';
import { deriveSubkey, openAesGcm, SEALED_DATA_OFFSET, sealAesGcm } from './sealing.js';

export const MASTER_KEY_LENGTH = 32;
export const MASTER_KEY_ENV = 'KMSBENCH_MASTER_KEY';
export const MASTER_KEY_FILE = 'master.key';

export interface LoadMasterKeyOptions {
  /** Directory holding `master.key`; created (mode 0700) if missing. */
  readonly dataDir: string;
  /** Environment to read `KMSBENCH_MASTER_KEY` from; defaults to `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Create `master.key` when it is missing (default true). False: a missing file is a {@link MasterKeyMissingError}. */
  readonly create?: boolean;
  /**
   * @internal Test hook: runs after this loader wrote its candidate key to the temp file and
   * before it tries to publish it. Lets a test make another loader win the race.
   */
  readonly beforePublish?: () => Promise<void> | void;
}

export interface LoadedMasterKey {
  /** The 32-byte master key (not from Node's shared Buffer pool). */
  readonly key: Buffer;
  /** `env`: from KMSBENCH_MASTER_KEY; `file`: read an existing file; `created`: this call created the file. */
  readonly source: 'env' | 'file' | 'created';
  /** The key file, unless the key came from the environment. */
  readonly path?: string;
  /** The existing key file is readable or writable by group/others (worth a startup warning). */
  readonly permissionsTooOpen?: boolean;
}

/** `master.key` is missing and the caller said not to create one (the store holds keys sealed under it). */
export class MasterKeyMissingError extends Error {
  override readonly name = 'MasterKeyMissingError';
}

const BASE64_RE = /^[A-Za-z0-9+/]+={0,2}$/;

/** Decodes a base64 master key; exactly 32 bytes. The message never contains the input. */
function decodeBase64Key(text: string, what: string): Buffer {
  const t = text.trim();
  if (!BASE64_RE.test(t) || t.length % 4 !== 0) {
    throw new KMSInternalException(`${what} must be the base64 encoding of exactly ${MASTER_KEY_LENGTH} bytes`);
  }
  const decoded = Buffer.from(t, 'base64');
  if (decoded.length !== MASTER_KEY_LENGTH) {
    decoded.fill(0);
    throw new KMSInternalException(`${what} must be the base64 encoding of exactly ${MASTER_KEY_LENGTH} bytes`);
  }
  const key = Buffer.allocUnsafeSlow(MASTER_KEY_LENGTH);
  decoded.copy(key);
  decoded.fill(0);
  return key;
}

/** Parses the contents of a key file: 32 raw bytes, or base64 text of 32 bytes. */
function parseKeyFile(contents: Buffer): Buffer {
  try {
    if (contents.length === MASTER_KEY_LENGTH) {
      const key = Buffer.allocUnsafeSlow(MASTER_KEY_LENGTH);
      contents.copy(key);
      return key;
    }
    return decodeBase64Key(contents.toString('latin1'), `${MASTER_KEY_FILE}`);
  } finally {
    contents.fill(0);
  }
}

const errno = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : undefined;

async function readKeyFile(path: string): Promise<Buffer | undefined> {
  let contents: Buffer;
  try {
    contents = await readFile(path);
  } catch (e) {
    if (errno(e) === 'ENOENT') return undefined;
    throw new KMSInternalException(`cannot read the master key file (${errno(e) ?? 'error'})`, { cause: e });
  }
  return parseKeyFile(contents);
}

async function fsyncDir(dir: string): Promise<void> {
  try {
    const fh = await open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    // Best effort: not every platform can fsync a directory.
  }
}

/** Writes a fresh candidate key to a unique temp file and tries to publish it. */
async function createKeyFile(dir: string, path: string, beforePublish?: () => Promise<void> | void): Promise<Buffer | undefined> {
  const key = randomFillSync(Buffer.allocUnsafeSlow(MASTER_KEY_LENGTH));
  const tmp = join(dir, `.${MASTER_KEY_FILE}.${process.pid}.${randomBytes(8).toString('hex')}.tmp`);
  try {
    const fh = await open(tmp, 'wx', 0o600);
    try {
      await fh.writeFile(key);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await beforePublish?.();
    try {
      await link(tmp, path); // atomic, never replaces an existing key
    } catch (e) {
      if (errno(e) === 'EEXIST') {
        key.fill(0);
        return undefined; // another loader won: the caller reads its key
      }
      throw e;
    }
    await fsyncDir(dir);
    return key;
  } catch (e) {
    key.fill(0);
    if (e instanceof KMSInternalException) throw e;
    throw new KMSInternalException(`cannot create the master key file (${errno(e) ?? 'error'})`, { cause: e });
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

/**
 * Loads the master key: from `KMSBENCH_MASTER_KEY` if set (the file is then not touched),
 * otherwise from `<dataDir>/master.key`, creating it if missing. Concurrent loaders (in one
 * process or many) sharing a data directory always get the same key.
 *
 * @throws KMSInternalException if the env value or file is malformed or the file cannot be
 *   read or created. Messages never contain key bytes.
 */
export async function loadMasterKey(options: LoadMasterKeyOptions): Promise<LoadedMasterKey> {
  const env = options.env ?? process.env;
  const fromEnv = env[MASTER_KEY_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    return { key: decodeBase64Key(fromEnv, MASTER_KEY_ENV), source: 'env' };
  }
  const dir = options.dataDir;
  const path = join(dir, MASTER_KEY_FILE);
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
  } catch (e) {
    throw new KMSInternalException(`cannot create the data directory (${errno(e) ?? 'error'})`, { cause: e });
  }
  // Bounded: only a file deleted while we race for it can send us round again.
  for (let attempt = 0; attempt < 5; attempt++) {
    const existing = await readKeyFile(path);
    if (existing) {
      const mode = await stat(path).then((s) => s.mode, () => 0);
      return { key: existing, source: 'file', path, permissionsTooOpen: (mode & 0o077) !== 0 };
    }
    if (options.create === false) throw new MasterKeyMissingError(`${path} is missing`);
    const created = await createKeyFile(dir, path, options.beforePublish);
    if (created) return { key: created, source: 'created', path, permissionsTooOpen: false };
  }
  throw new KMSInternalException('cannot load the master key file: it keeps disappearing');
}

// ---- sealing ---------------------------------------------------------------------------------

export const SEALED_FORMAT_V1 = 0x01;
const SEAL_LABEL = Buffer.from('kmsbench/hsm/sealed-key-material/v1', 'utf8');
const KEK_INFO = Buffer.from('kmsbench/hsm/key-encryption-key/v1', 'utf8');

/** What a sealed backing key is bound to. */
export interface SealBinding {
  /** The KMS key's ARN. */
  readonly keyArn: string;
  /** Backing-key version (u32). */
  readonly backingKeyVersion: number;
}

function checkMaster(master: Buffer): void {
  if (!Buffer.isBuffer(master) || master.length !== MASTER_KEY_LENGTH) {
    throw new KMSInternalException('master key is not 32 bytes');
  }
}

/** The AAD after format ‖ IV: label ‖ u32 BE len(ARN) ‖ ARN ‖ u32 BE backing-key version. */
function bindingAad(binding: SealBinding): Buffer {
  const { keyArn, backingKeyVersion } = binding;
  if (typeof keyArn !== 'string' || keyArn.length === 0) throw new KMSInternalException('seal binding needs a key ARN');
  if (!Number.isInteger(backingKeyVersion) || backingKeyVersion < 0 || backingKeyVersion > 0xffff_ffff) {
    throw new KMSInternalException('seal binding needs a u32 backing key version');
  }
  const arnLen = Buffer.byteLength(keyArn, 'utf8');
  const aad = Buffer.allocUnsafe(SEAL_LABEL.length + 4 + arnLen + 4);
  let o = SEAL_LABEL.copy(aad, 0);
  o = aad.writeUInt32BE(arnLen, o);
  o += aad.write(keyArn, o, 'utf8');
  aad.writeUInt32BE(backingKeyVersion, o);
  return aad;
}

/**
 * Seals backing-key material under the master key, bound to `binding`.
 * @throws KMSInternalException on bad arguments; messages never contain key bytes.
 */
export function sealKeyMaterial(master: Buffer, material: Uint8Array, binding: SealBinding): Buffer {
  checkMaster(master);
  if (!(material instanceof Uint8Array) || material.length === 0) throw new KMSInternalException('nothing to seal');
  const aad = bindingAad(binding);
  const kek = deriveSubkey(master, KEK_INFO);
  try {
    return sealAesGcm(kek, SEALED_FORMAT_V1, material, aad);
  } catch {
    throw new KMSInternalException('sealing key material failed');
  } finally {
    kek.fill(0);
  }
}

/**
 * Opens a sealed backing key. Fails unless master key, key ARN and backing-key version all
 * match what it was sealed with and the sealed bytes are intact.
 * @throws KMSInternalException (a server-side integrity problem, never the client's), with
 *   no detail about the data.
 */
export function openKeyMaterial(master: Buffer, sealed: Uint8Array, binding: SealBinding): Buffer {
  checkMaster(master);
  if (!(sealed instanceof Uint8Array)) throw new KMSInternalException('sealed key material is not bytes');
  const buf = Buffer.isBuffer(sealed) ? sealed : Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (buf.length <= SEALED_DATA_OFFSET || buf[0] !== SEALED_FORMAT_V1) {
    throw new KMSInternalException('stored key material could not be opened');
  }
  const aad = bindingAad(binding);
  const kek = deriveSubkey(master, KEK_INFO);
  try {
    return openAesGcm(kek, buf, aad);
  } catch {
    throw new KMSInternalException('stored key material could not be opened');
  } finally {
    kek.fill(0);
  }
}

const GRANT_TOKEN_INFO = Buffer.from('kmsbench grant tokens v1', 'utf8');

/** The HMAC key that seals grant tokens (authz/grant-token.ts), derived from the master key so every worker agrees. */
export function deriveGrantTokenKey(master: Buffer): Buffer {
  return deriveSubkey(master, GRANT_TOKEN_INFO);
}
