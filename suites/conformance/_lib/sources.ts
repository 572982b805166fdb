/**
 * Where a case's expectation comes from (suites/README.md, "Writing cases"): one constructor per
 * kind of source, so a case writes its cite and, where they differ from the suite's, its dates.
 * Not a case file: it has no default export.
 *
 * ```ts
 * source: documented('service model: DisableKeyRequest.KeyId (key ID or key ARN)'),
 * source: recorded('spec/aws-observed.md §6.3 (LS-SNAP …)', { verifiedAt: '2025-01-21' }),
 * source: inferred(`${MODEL('RotateKeyOnDemand')} (…)`, { since: '2025-06-05' }),
 * ```
 *
 * @module
 */
import type { CaseSource } from '../../../harness/conformance/case.js';

/** When the suite's sources were last checked against the docs and the service model. */
export const VERIFIED = '2026-12-07';

/** A member or shape of the service model, as a cite. */
export const MODEL = (member: string): string => `service model: ${member}`;

/** The dates of a source, where they are not the suite's: when it was checked (a capture's date), and since when AWS behaves so. */
export interface SourceDates {
  verifiedAt?: string;
  since?: string;
}

const source = (kind: CaseSource['kind'], cite: string, { verifiedAt = VERIFIED, since }: SourceDates): CaseSource => ({ kind, cite, verifiedAt, ...(since ? { since } : {}) });

/** A capture of real AWS answers (cite its spec/aws-observed.md entry; `verifiedAt`: the capture's date where known). */
export const recorded = (cite: string, dates: SourceDates = {}): CaseSource => source('recorded', cite, dates);

/** The AWS docs or the service model state it. */
export const documented = (cite: string, dates: SourceDates = {}): CaseSource => source('documented', cite, dates);

/** Reasoned from the docs or the model; never captured. */
export const inferred = (cite: string, dates: SourceDates = {}): CaseSource => source('inferred', cite, dates);
