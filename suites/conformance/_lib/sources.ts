/**
 * Where a case's expectation comes from (suites/README.md, "Writing cases"), for the areas whose
 * support modules share these (import, multi-region): the sources checked against the docs and
 * the service model on {@link VERIFIED}. Not a case file: it has no default export.
 *
 * @module
 */
import type { CaseSource } from '../../../harness/conformance/case.js';

/** When the documented and inferred sources below were last checked. */
export const VERIFIED = '2026-12-07';

/** A member or shape of the service model, as a cite. */
export const MODEL = (member: string): string => `service model: ${member}`;

/** The AWS docs or the service model state it (`since`: when AWS started behaving so). */
export const documented = (cite: string, since?: string): CaseSource => ({ kind: 'documented', cite, verifiedAt: VERIFIED, ...(since ? { since } : {}) });

/** Reasoned from the docs or the model; never captured (`since`: when AWS started behaving so). */
export const inferred = (cite: string, since?: string): CaseSource => ({ kind: 'inferred', cite, verifiedAt: VERIFIED, ...(since ? { since } : {}) });
