import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { isKmsError } from '../errors.js';
import {
  loadMasterKey,
  MASTER_KEY_ENV,
  MASTER_KEY_FILE,
  openKeyMaterial,
  sealKeyMaterial,
  SEALED_FORMAT_V1,
  type SealBinding,
} from './master-key.js';

const dirs: string[] = [];
async function freshDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'kmsbench-hsm-'));
  dirs.push(d);
  return d;
}
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

const NO_ENV = {};
const ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isKmsError(e) ? e.code : `non-KMS error: ${String(e)}`;
  }
  return undefined;
}

describe('loadMasterKey', () => {
  it('creates <dataDir>/master.key (32 bytes, mode 0600) and reads it back later', async () => {
    const dir = join(await freshDir(), 'nested', 'data');
    const first = await loadMasterKey({ dataDir: dir, env: NO_ENV });
    expect(first.source).toBe('created');
    expect(first.key.length).toBe(32);
    const st = await stat(join(dir, MASTER_KEY_FILE));
    expect(st.mode & 0o777).toBe(0o600);
    expect(await readFile(join(dir, MASTER_KEY_FILE))).toEqual(first.key);
    const second = await loadMasterKey({ dataDir: dir, env: NO_ENV });
    expect(second).toMatchObject({ source: 'file', permissionsTooOpen: false });
    expect(second.key).toEqual(first.key);
    expect(await readdir(dir)).toEqual([MASTER_KEY_FILE]); // no temp files left behind
  });

  it('prefers KMSBENCH_MASTER_KEY (base64) and then leaves the data directory alone', async () => {
    const dir = await freshDir();
    const key = randomBytes(32);
    const r = await loadMasterKey({ dataDir: dir, env: { [MASTER_KEY_ENV]: ` ${key.toString('base64')}\n` } });
    expect(r.source).toBe('env');
    expect(r.key).toEqual(key);
    expect(await readdir(dir)).toEqual([]);
  });

  it('rejects a malformed env key without echoing it', async () => {
    const dir = await freshDir();
    for (const value of [randomBytes(31).toString('base64'), randomBytes(33).toString('base64'), randomBytes(32).toString('hex'), 'not base64!']) {
      const err = await loadMasterKey({ dataDir: dir, env: { [MASTER_KEY_ENV]: value } }).catch((e: unknown) => e);
      expect(isKmsError(err) && err.code).toBe('KMSInternalException');
      expect((err as Error).message).not.toContain(value.trim());
      expect((err as Error).message).toContain(MASTER_KEY_ENV);
    }
  });

  it('accepts a hand-made base64 key file, rejects a malformed one, flags loose permissions', async () => {
    const dir = await freshDir();
    const key = randomBytes(32);
    await writeFile(join(dir, MASTER_KEY_FILE), `${key.toString('base64')}\n`, { mode: 0o644 });
    await chmod(join(dir, MASTER_KEY_FILE), 0o644);
    const r = await loadMasterKey({ dataDir: dir, env: NO_ENV });
    expect(r).toMatchObject({ source: 'file', permissionsTooOpen: true });
    expect(r.key).toEqual(key);

    const bad = await freshDir();
    await writeFile(join(bad, MASTER_KEY_FILE), randomBytes(16));
    const err = await loadMasterKey({ dataDir: bad, env: NO_ENV }).catch((e: unknown) => e);
    expect(isKmsError(err) && err.code).toBe('KMSInternalException');
  });

  it('the loser of a creation race reads the winner’s key (deterministic)', async () => {
    const dir = await freshDir();
    let winner: Buffer | undefined;
    const loser = await loadMasterKey({
      dataDir: dir,
      env: NO_ENV,
      // Before the first loader publishes its candidate, a second one runs to completion.
      beforePublish: async () => {
        const w = await loadMasterKey({ dataDir: dir, env: NO_ENV });
        expect(w.source).toBe('created');
        winner = w.key;
      },
    });
    expect(loser.source).toBe('file');
    expect(winner).toBeDefined();
    expect(loser.key).toEqual(winner);
    expect(await readFile(join(dir, MASTER_KEY_FILE))).toEqual(winner);
    expect(await readdir(dir)).toEqual([MASTER_KEY_FILE]);
  });

  it('concurrent loaders in one process all get the same key', async () => {
    for (let round = 0; round < 20; round++) {
      const dir = await freshDir();
      const results = await Promise.all(Array.from({ length: 8 }, () => loadMasterKey({ dataDir: dir, env: NO_ENV })));
      const onDisk = await readFile(join(dir, MASTER_KEY_FILE));
      for (const r of results) expect(r.key).toEqual(onDisk);
      expect(results.filter((r) => r.source === 'created')).toHaveLength(1);
      expect(await readdir(dir)).toEqual([MASTER_KEY_FILE]);
    }
  });

  it('concurrent loaders in separate processes all get the same key', async () => {
    const modulePath = fileURLToPath(new URL('./master-key.ts', import.meta.url));
    const script = `
      import { loadMasterKey } from ${JSON.stringify(modulePath)};
      const [dir, startAt] = process.argv.slice(1);
      while (Date.now() < Number(startAt)) {} // line up the racers
      const r = await loadMasterKey({ dataDir: dir, env: {} });
      process.stdout.write(r.source + ' ' + r.key.toString('base64'));
    `;
    const run = (dir: string, startAt: number) =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, dir, String(startAt)], {
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, [MASTER_KEY_ENV]: '' },
        });
        let out = '';
        let err = '';
        child.stdout.on('data', (d: Buffer) => (out += d));
        child.stderr.on('data', (d: Buffer) => (err += d));
        child.on('error', reject);
        child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`child exited ${code}: ${err}`))));
      });
    for (let round = 0; round < 3; round++) {
      const dir = await freshDir();
      const startAt = Date.now() + 1500; // after every child has booted tsx
      const outs = await Promise.all(Array.from({ length: 6 }, () => run(dir, startAt)));
      const onDisk = (await readFile(join(dir, MASTER_KEY_FILE))).toString('base64');
      const keys = outs.map((o) => o.split(' ')[1]);
      expect(new Set(keys)).toEqual(new Set([onDisk]));
      expect(outs.filter((o) => o.startsWith('created '))).toHaveLength(1);
      expect(await readdir(dir)).toEqual([MASTER_KEY_FILE]);
    }
  }, 60_000);
});

describe('sealKeyMaterial / openKeyMaterial', () => {
  const master = randomBytes(32);
  const binding: SealBinding = { keyArn: ARN, backingKeyVersion: 3 };

  it('round-trips and never stores the material in the clear', () => {
    const material = randomBytes(32);
    const sealed = sealKeyMaterial(master, material, binding);
    expect(sealed[0]).toBe(SEALED_FORMAT_V1);
    expect(sealed.length).toBe(29 + 32);
    expect(sealed.includes(material)).toBe(false);
    expect(openKeyMaterial(master, sealed, binding)).toEqual(material);
    // Two seals of the same material differ (fresh IV).
    expect(sealKeyMaterial(master, material, binding).equals(sealed)).toBe(false);
  });

  it('is bound to the key ARN and backing-key version', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        fc.string({ minLength: 1, maxLength: 80 }),
        fc.nat({ max: 0xffff_ffff }),
        fc.string({ minLength: 1, maxLength: 80 }),
        fc.nat({ max: 0xffff_ffff }),
        (material, arnA, verA, arnB, verB) => {
          const a = { keyArn: arnA, backingKeyVersion: verA };
          const b = { keyArn: arnB, backingKeyVersion: verB };
          const sealed = sealKeyMaterial(master, material, a);
          expect(openKeyMaterial(master, sealed, a)).toEqual(Buffer.from(material));
          const same = Buffer.from(arnA).equals(Buffer.from(arnB)) && verA === verB;
          if (!same) expect(codeOf(() => openKeyMaterial(master, sealed, b))).toBe('KMSInternalException');
        },
      ),
      { numRuns: 300 },
    );
    const sealed = sealKeyMaterial(master, randomBytes(32), binding);
    expect(codeOf(() => openKeyMaterial(master, sealed, { keyArn: ARN, backingKeyVersion: 4 }))).toBe('KMSInternalException');
    expect(codeOf(() => openKeyMaterial(master, sealed, { keyArn: ARN.replace('abcd', 'abce'), backingKeyVersion: 3 }))).toBe(
      'KMSInternalException',
    );
  });

  it('fails under another master key, and on any bit flip, truncation or unknown version', () => {
    const material = randomBytes(32);
    const sealed = sealKeyMaterial(master, material, binding);
    expect(codeOf(() => openKeyMaterial(randomBytes(32), sealed, binding))).toBe('KMSInternalException');
    for (let bit = 0; bit < sealed.length * 8; bit++) {
      const copy = Buffer.from(sealed);
      copy[bit >> 3]! ^= 1 << (bit & 7);
      expect(codeOf(() => openKeyMaterial(master, copy, binding))).toBe('KMSInternalException');
    }
    for (let len = 0; len < sealed.length; len++) {
      expect(codeOf(() => openKeyMaterial(master, sealed.subarray(0, len), binding))).toBe('KMSInternalException');
    }
  });

  it('keeps key material out of error messages', () => {
    const material = randomBytes(32);
    const sealed = sealKeyMaterial(master, material, binding);
    let err: unknown;
    try {
      openKeyMaterial(master, sealed, { ...binding, backingKeyVersion: 9 });
    } catch (e) {
      err = e;
    }
    const text = `${String(err)} ${JSON.stringify(err)}`;
    for (const secret of [material, master]) {
      expect(text).not.toContain(secret.toString('hex'));
      expect(text).not.toContain(secret.toString('base64'));
    }
  });

  it('rejects a master key that is not 32 bytes and bad bindings with KMSInternalException', () => {
    expect(codeOf(() => sealKeyMaterial(randomBytes(16), randomBytes(32), binding))).toBe('KMSInternalException');
    expect(codeOf(() => sealKeyMaterial(master, randomBytes(32), { keyArn: '', backingKeyVersion: 1 }))).toBe('KMSInternalException');
    expect(codeOf(() => sealKeyMaterial(master, randomBytes(32), { keyArn: ARN, backingKeyVersion: -1 }))).toBe('KMSInternalException');
    expect(codeOf(() => sealKeyMaterial(master, Buffer.alloc(0), binding))).toBe('KMSInternalException');
  });
});
