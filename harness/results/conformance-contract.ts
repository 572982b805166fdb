/**
 * The runner contract in code: its version, the outcomes, and the exit codes of
 * `kmsbench conformance`. suites/README.md is the prose version; a test keeps the two in step.
 *
 * @module
 */

/**
 * Version of the runner contract (suites/README.md). Bump the minor for additions that keep every
 * existing verdict meaning the same; bump the major when a verdict could change meaning.
 */
export const CONTRACT_VERSION = '1.0';

/** What one case came to. See suites/README.md § Outcomes. */
export const OUTCOMES = ['pass', 'fail', 'error', 'skip'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * What an expectation file may say about a case. `pass` is implied for every case it does not
 * list; `flaky` accepts pass or fail; `skip` means "do not run it on this target".
 */
export const EXPECTED = ['pass', 'fail', 'error', 'skip', 'flaky'] as const;
export type Expected = (typeof EXPECTED)[number];

/** Exit codes of `kmsbench conformance`, in one place. */
export const EXIT = {
  /** Every case came out as the expectation file says (unlisted cases passed or were skipped). */
  ok: 0,
  /** At least one case differs from the expectation file (new failure, newly passing, stale entry). */
  differences: 1,
  /** Bad command line or an unreadable/invalid expectation file. */
  usage: 2,
  /** The run itself could not be carried out: endpoint unreachable or refusing the probe, a case module that does not load, the embedded server would not start. */
  harness: 3,
  /** Interrupted (Ctrl-C): the running cases were ended and cleaned up, the rest not run. */
  interrupted: 130,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_MEANINGS: Record<ExitCode, string> = {
  0: 'every case as expected',
  1: 'differences from the expectations',
  2: 'usage error',
  3: 'harness error: the run could not be carried out',
  130: 'interrupted',
};
