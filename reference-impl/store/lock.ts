/**
 * One server per data directory: an exclusive SQLite lock the kernel drops when its owner dies.
 *
 * The store's in-memory caches are only trusted because every process that writes the
 * database belongs to one server (its worker processes tell each other about writes). A second
 * server on the same directory would break that, so it is refused.
 *
 * The lock is `server.lock.sqlite`, opened with `locking_mode=EXCLUSIVE` inside a `BEGIN
 * EXCLUSIVE` transaction that stays open for the owner's life: an fcntl lock held by the
 * owner's open file. The kernel releases it as soon as the owner's last thread is gone — on a
 * clean exit, a crash or `kill -9` — whether or not the process has been reaped, and a start
 * waits up to {@link LOCK_WAIT_MS} for a dying owner's threads to finish; so a restart right after
 * `kill -9` takes the directory on its first try, and a reused pid cannot keep it locked.
 * Only the primary of a cluster takes the lock (fcntl locks are not inherited by its workers).
 *
 * `server.lock` beside it is a note of the owner's pid, for the refusal message only: it may be
 * stale and is never trusted to decide anything.
 *
 * @module
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** The owner's pid, for messages (not the lock). */
export const LOCK_FILE = 'server.lock';
/** The lock itself. */
export const LOCK_DB = 'server.lock.sqlite';

/** How long a start waits for a lock that is being released (a dying owner's files closing). */
export const LOCK_WAIT_MS = 1500;

export class DataDirInUseError extends Error {
  override readonly name = 'DataDirInUseError';
}

const BUSY = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_BUSY_RECOVERY', 'SQLITE_BUSY_SNAPSHOT']);

/** Locks held by this process, so the connections are not garbage-collected while held. */
const held = new Set<Database.Database>();

function ownerNote(dataDir: string): string {
  try {
    const pid = Number(readFileSync(join(dataDir, LOCK_FILE), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? ` (pid ${pid})` : '';
  } catch {
    return '';
  }
}

/**
 * Takes the lock for `dataDir`; returns the function that releases it. Waits up to
 * `waitMs` for an owner that is exiting, then throws {@link DataDirInUseError}.
 */
export function lockDataDir(dataDir: string, waitMs: number = LOCK_WAIT_MS): () => void {
  let db: Database.Database;
  try {
    db = new Database(join(dataDir, LOCK_DB), { timeout: waitMs });
  } catch (e) {
    throw new DataDirInUseError(`could not lock data directory ${dataDir}: ${(e as Error).message}`);
  }
  try {
    db.pragma('journal_mode = MEMORY'); // nothing is ever written: no journal file beside the lock
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (e) {
    db.close();
    if (BUSY.has((e as { code?: string }).code ?? '')) {
      throw new DataDirInUseError(`data directory ${dataDir} is in use by another kmsbench server${ownerNote(dataDir)}`);
    }
    throw new DataDirInUseError(`could not lock data directory ${dataDir}: ${(e as Error).message}`);
  }
  held.add(db);
  const note = join(dataDir, LOCK_FILE);
  try {
    writeFileSync(note, `${process.pid}\n`, { mode: 0o600 });
  } catch {
    // The note is only for messages.
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    try {
      if (readFileSync(note, 'utf8').trim() === String(process.pid)) rmSync(note, { force: true });
    } catch {
      // already gone
    }
    held.delete(db);
    try {
      db.close(); // closing the connection drops the lock (the open transaction changed nothing)
    } catch {
      // already closed
    }
  };
}
