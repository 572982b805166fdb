/**
 * The sizes of the reliability suite: `full` (`npm run reliability`, minutes) and `quick` (the
 * vitest profile in `npm test`, well under a minute of work). Every loop is bounded by these
 * counts and by a time budget.
 *
 * @module
 */
export interface Profile {
  name: 'full' | 'quick';
  crash: { rounds: number; fsyncRounds: number; lanes: number; killAfterMs: [number, number]; budgetMs: number };
  tamper: { blobs: number; concurrency: number };
  /** `serverArgs`: extra `kmsbench serve` arguments of the fuzzed server. */
  fuzz: { requests: number; concurrency: number; slow: { perKind: number; holdMs: number; gapMs: number }; serverArgs?: string[] };
  overload: { quota: number; seconds: { before: number; overload: number; after: number }; saturateSeconds: number };
  harness: { timeoutMs: number; runTimeoutMs: number; tags?: string; hangTags: string; modes?: Array<'hang' | 'reset' | 'malformed-json' | 'wrong-shape' | 'wrong-status' | 'html' | 'empty' | 'half-reply'> };
  integrity: { workers: number; pick?: number[] };
  soak: { minutes: number; rate: number; segmentSeconds: number };
}

export const FULL: Profile = {
  name: 'full',
  crash: { rounds: 20, fsyncRounds: 20, lanes: 8, killAfterMs: [150, 1500], budgetMs: 8 * 60_000 },
  tamper: { blobs: 4, concurrency: 16 },
  fuzz: { requests: 100_000, concurrency: 32, slow: { perKind: 200, holdMs: 90_000, gapMs: 2000 } },
  overload: { quota: 200, seconds: { before: 10, overload: 60, after: 10 }, saturateSeconds: 30 },
  // A hanging target runs two tags only, to keep the run short (each case and its cleanups take up to 2 × timeoutMs).
  harness: { timeoutMs: 1000, runTimeoutMs: 600_000, hangTags: 'protocol,auth' },
  integrity: { workers: 2 },
  // Six minutes: two to reach the working set (soak.ts), four to measure its slope.
  soak: { minutes: 6, rate: 400, segmentSeconds: 10 },
};

export const QUICK: Profile = {
  name: 'quick',
  crash: { rounds: 2, fsyncRounds: 1, lanes: 4, killAfterMs: [150, 600], budgetMs: 20_000 },
  tamper: { blobs: 1, concurrency: 16 },
  // Slow clients held 11 s: the 10 s header timeout cuts the silent ones and those trickling a
  // header; a 10 s request timeout (default 30 s, which the full run's 90 s hold covers) those trickling a body.
  fuzz: { requests: 1000, concurrency: 16, slow: { perKind: 10, holdMs: 11_000, gapMs: 1000 }, serverArgs: ['--request-timeout', '10s'] },
  overload: { quota: 200, seconds: { before: 1, overload: 2, after: 1 }, saturateSeconds: 1 },
  harness: { timeoutMs: 500, runTimeoutMs: 60_000, tags: 'protocol', hangTags: 'protocol', modes: ['reset', 'malformed-json'] },
  integrity: { workers: 1, pick: [0, 1, 2, 3, 4, 5] },
  soak: { minutes: 0.25, rate: 200, segmentSeconds: 5 },
};
