/**
 * The runner contract in code: its version and the outcomes. suites/README.md is the prose
 * version; a test keeps the two in step. The exit codes of `kmsbench conformance`, also part of
 * the contract, are common/exit-codes.ts (EXIT), shared with the other commands.
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
