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
export const CONTRACT_VERSION = '2.0';

/**
 * What one case came to. See suites/README.md § Outcomes. `blocked`: a prerequisite step failed
 * (the behaviour under test was never reached); `unsupported`: the target does not implement an
 * operation the case needs; `skip`: a capability the run deliberately lacks; `error`: a harness fault.
 */
export const OUTCOMES = ['pass', 'fail', 'error', 'skip', 'blocked', 'unsupported'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * What an expectation file may say about a case. `pass` is implied for every case it does not
 * list; `flaky` accepts pass or fail; `skip` means "do not run it on this target"; `blocked` and
 * `unsupported` say the case cannot reach its behaviour there (and why, in the entry's reason).
 */
export const EXPECTED = ['pass', 'fail', 'error', 'skip', 'flaky', 'blocked', 'unsupported'] as const;
export type Expected = (typeof EXPECTED)[number];

/** How a case knows what AWS does (its `source.kind`): a closed set (scripts/lint-suites checks cases against it). */
export const SOURCE_KINDS = ['recorded', 'documented', 'inferred'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
