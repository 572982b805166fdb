/**
 * What the robustness fuzzers (model-fuzz, semantic-fuzz) start and end with: a server seeded with
 * keys, ciphertexts and key material the leak scanner watches for, the snapshots taken before the
 * run, and the closing checks that nothing the run sent changed what the server holds and that
 * its audit log is whole and clean.
 *
 * @module
 */
import { describe, expect, it } from 'vitest';
import { keyRefsOf, type KeyRefs } from './arbitraries.js';
import { addKeyMaterial, apiSnapshot, checkKnownBlobs, FuzzEnv, readAudit, seedKeys, storeSnapshot, type LeakScanner, type Seed } from './fuzz-kit.js';

/** A fresh server seeded with keys, ciphertexts and raw key material (all known to `scanner`). */
export async function openSeededEnv(scanner: LeakScanner, options?: Parameters<typeof FuzzEnv.open>[0]): Promise<{ env: FuzzEnv; seed: Seed; refs: KeyRefs }> {
  const env = await FuzzEnv.open(options);
  const seed = await seedKeys(env, scanner);
  addKeyMaterial(env, scanner);
  return { env, seed, refs: keyRefsOf(seed) };
}

/** The snapshots {@link describeAfterTheRun} compares against: take them before the run. */
export async function snapshotsOf(env: FuzzEnv, seed: Seed): Promise<{ storeBefore: unknown; apiBefore: unknown }> {
  return { storeBefore: storeSnapshot(env), apiBefore: await apiSnapshot(env, seed) };
}

/** What a fuzz file compares against afterwards, taken in its `beforeAll` before the run. */
export interface FuzzBaseline {
  readonly env: FuzzEnv;
  readonly seed: Seed;
  readonly scanner: LeakScanner;
  readonly storeBefore: unknown;
  readonly apiBefore: unknown;
}

/**
 * A describe block of the closing checks: the store and the API as before the run, every
 * ciphertext made before it still decrypting (or failing as its key state says), and an audit log
 * (flushed by closing the server) with a line per request and no plaintext or key material.
 * `moreAuditChecks` adds a file's own checks of the audit log.
 */
export function describeAfterTheRun(baseline: () => FuzzBaseline, moreAuditChecks?: (audit: ReturnType<typeof readAudit>) => void): void {
  describe('after the fuzz run', () => {
    it('stored keys, aliases, policies, tags and rotations are unchanged', async () => {
      const { env, seed, storeBefore, apiBefore } = baseline();
      expect(storeSnapshot(env)).toEqual(storeBefore);
      expect(await apiSnapshot(env, seed)).toEqual(apiBefore);
    });

    it('every ciphertext made before the run still decrypts (or fails as its key state says)', async () => {
      const { env, seed } = baseline();
      expect(await checkKnownBlobs(env, seed)).toEqual([]);
    });

    it('the audit log has a line per request and holds no plaintext or key material', async () => {
      const { env, scanner } = baseline();
      await env.close(); // flushes
      const audit = readAudit(env.auditPath());
      expect(audit.bad).toEqual([]);
      const logged = new Set(audit.lines.map((l) => l.requestId));
      const missing = env.requestIds.filter((id) => !logged.has(id));
      expect(missing, `request ids missing from the audit log (of ${env.requestIds.length})`).toEqual([]);
      expect(scanner.find(audit.text)).toBeUndefined();
      moreAuditChecks?.(audit);
    });
  });
}
