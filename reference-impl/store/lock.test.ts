import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, LOCK_FILE, lockDataDir } from './lock.js';

const dir = () => mkdtempSync(join(tmpdir(), 'kmsbench-lock-'));
const LOCK_TS = fileURLToPath(new URL('./lock.ts', import.meta.url));
const children: ChildProcess[] = [];

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

/** Another process that takes the lock of `d` and holds it until killed; resolves once it holds it. */
async function holder(d: string): Promise<ChildProcess> {
  const code = `import { lockDataDir } from ${JSON.stringify(LOCK_TS)}; lockDataDir(${JSON.stringify(d)}); console.log('locked'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let err = '';
  child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (b: Buffer) => b.toString().includes('locked') && resolve());
    child.once('exit', (c) => reject(new Error(`holder exited (${c}): ${err}`)));
  });
  return child;
}

/** Linux process state letter (`Z` for a zombie), or undefined once reaped / off Linux. */
function stateOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return undefined;
  }
}

describe('lockDataDir', () => {
  it('refuses a second server while another process holds the lock, naming its pid', async () => {
    const d = dir();
    const other = await holder(d);
    let error: unknown;
    try {
      lockDataDir(d, 100);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataDirInUseError);
    expect((error as Error).message).toMatch(new RegExp(`in use by another kmsbench server \\(pid ${other.pid}\\)`));
  });

  it('refuses a second owner in the same process', () => {
    const d = dir();
    const release = lockDataDir(d);
    expect(() => lockDataDir(d, 50)).toThrow(DataDirInUseError);
    release();
  });

  it('is free the moment its owner is killed with -9, while the owner is still an unreaped zombie', async () => {
    const d = dir();
    const owner = await holder(d);
    owner.kill('SIGKILL');
    // Block the event loop (so the child is not reaped) until the kernel shows it as a zombie:
    // the old pid-file lock refused here, because kill(pid, 0) still answers for a zombie.
    const deadline = Date.now() + 5000;
    if (existsSync('/proc/self/stat')) while (stateOf(owner.pid!) !== 'Z' && Date.now() < deadline);
    if (existsSync('/proc/self/stat')) expect(stateOf(owner.pid!)).toBe('Z');
    // The leader shows as a zombie while its other threads may still be exiting (they share the
    // descriptors), so allow the lock's usual short wait; the event loop stays blocked throughout,
    // so the owner stays an unreaped zombie, which the pid-file lock took for a live server.
    const release = lockDataDir(d, 1000);
    expect(stateOf(owner.pid!) ?? 'Z').toBe('Z');
    expect(readFileSync(join(d, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    release();
  });

  it('ignores a leftover pid note of a live process (pid reuse cannot lock a directory)', () => {
    const d = dir();
    writeFileSync(join(d, LOCK_FILE), `${process.ppid}\n`);
    const release = lockDataDir(d, 0);
    release();
    expect(existsSync(join(d, LOCK_FILE))).toBe(false);
  });

  it('can be taken again after release', () => {
    const d = dir();
    lockDataDir(d)();
    lockDataDir(d, 0)();
  });
});
