import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirInUseError, LOCK_FILE, lockDataDir } from './lock.js';

const dir = () => mkdtempSync(join(tmpdir(), 'kmsbench-lock-'));

describe('lockDataDir', () => {
  it('refuses a second owner while the first holds the lock', () => {
    const d = dir();
    writeFileSync(join(d, LOCK_FILE), `${process.ppid}\n`); // a live process other than us
    expect(() => lockDataDir(d)).toThrow(DataDirInUseError);
  });

  it('takes over a lock whose owner is gone', () => {
    const d = dir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(join(d, LOCK_FILE), `${dead}\n`);
    const release = lockDataDir(d);
    expect(existsSync(join(d, LOCK_FILE))).toBe(true);
    release();
    expect(existsSync(join(d, LOCK_FILE))).toBe(false);
  });

  it('can be taken again after release', () => {
    const d = dir();
    lockDataDir(d)();
    const again = lockDataDir(d);
    again();
  });
});
