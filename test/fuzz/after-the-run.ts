/**
 * The checks both robustness fuzzers (model-fuzz, semantic-fuzz) end with: nothing the fuzz run
 * sent changed what the server holds, and its audit log is whole and clean.
 *
 * @module
 */
import { describe, expect, it } from 'vitest';
import { apiSnapshot, checkKnownBlobs, readAudit, storeSnapshot, type FuzzEnv, type LeakScanner, type Seed } from './fuzz-kit.js';

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
