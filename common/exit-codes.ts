/**
 * The exit codes of every `kmsbench` command, in one place. The five in {@link EXIT} are the
 * conformance runner's contract (suites/README.md lists them; a test keeps the two in step); the
 * other commands use the same numbers for the same kind of outcome, under the names below.
 *
 * @module
 */

/** Exit codes of `kmsbench conformance` (the runner contract) and of the main job. */
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

/** `kmsbench gate`: a metric regressed (exit 0: none did; 2: usage or unreadable input). */
export const EXIT_REGRESSION = 1;

/** Any command other than conformance whose run failed with an error that is not a usage error. */
export const EXIT_FAILED = 1;
