/**
 * Lints the conformance cases: ids unique and well formed (`<area>.<behaviour>`, lower-kebab
 * segments, the area being the case's folder), one case per module named after its id
 * (`<area>/<behaviour>.ts`), tags from CASE_TAGS (harness/conformance/case.ts), flags from the
 * closed set, `doc` an AWS documentation URL, a `source` (kind from the closed set, a non-empty
 * cite that names a capture in spec/aws-observed.md for `recorded` and the docs or the service
 * model for `documented`, `verifiedAt` and `since` real YYYY-MM-DD dates), `ops` non-empty real
 * operations, `needs` real capabilities, the `needs-clock` flag on cases that call
 * `advanceClock`, and prerequisites (scripts/lint-prerequisites.ts: roots of prerequisite steps
 * name real cases; keys are created through `t.given`; no call chained inside `t.expectError`).
 *
 * ```sh
 * npx tsx scripts/lint-suites.ts        # or: node dist/scripts/lint-suites.js
 * ```
 *
 * Exit 0 when clean, 1 with one line per problem.
 *
 * @module
 */
import { isIsoDate } from '../common/dates.js';
import { pathToFileURL } from 'node:url';
import { CASE_FLAGS, CASE_TAGS, SOURCE_KINDS, type ConformanceCase, type LoadedCase } from '../harness/conformance/case.js';
import { OPERATION_NAMES } from '../common/model/model.js';
import { CONFORMANCE_DIR, discoverCases } from '../suites/index.js';
import { lintPrerequisites, readSuiteSources } from './lint-prerequisites.js';

export interface LintProblem {
  file: string;
  id?: string;
  message: string;
}

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$/;
export const DOC_PATTERN = /^https:\/\/docs\.aws\.amazon\.com\/\S+$/;
/** What a `recorded` cite must name, and what a `documented` one must contain (one of). */
export const RECORDED_CITE = 'spec/aws-observed.md §';
export const DOCUMENTED_CITES = ['https://docs.aws.amazon.com/', 'service model: '] as const;
const OPS = new Set<string>(OPERATION_NAMES);
const KINDS = new Set<string>(SOURCE_KINDS);
const FLAGS = new Set<string>(CASE_FLAGS);
const TAGS = new Set<string>(CASE_TAGS);

/** Is `s` a real calendar date written YYYY-MM-DD? */
export { isIsoDate };

/** Problems with a case's `source` (where its expectation comes from). */
export function lintSource(source: unknown): string[] {
  if (source === null || typeof source !== 'object') return ['has no source (kind, cite, verifiedAt)'];
  const s = source as Record<string, unknown>;
  const out: string[] = [];
  if (!KINDS.has(s.kind as string)) out.push(`source kind '${String(s.kind)}' is not one of ${SOURCE_KINDS.join(', ')}`);
  if (typeof s.cite !== 'string' || !s.cite.trim()) out.push('source cite is empty');
  else if (s.kind === 'recorded' && !s.cite.includes(RECORDED_CITE)) out.push(`a recorded source must cite its capture (${RECORDED_CITE}…)`);
  else if (s.kind === 'documented' && !DOCUMENTED_CITES.some((c) => (s.cite as string).includes(c))) {
    out.push(`a documented source must cite an AWS documentation URL or 'service model: <Shape>.<member>'`);
  }
  if (!isIsoDate(s.verifiedAt)) out.push(`source verifiedAt '${String(s.verifiedAt)}' is not a YYYY-MM-DD date`);
  if (s.since !== undefined && !isIsoDate(s.since)) out.push(`source since '${String(s.since)}' is not a YYYY-MM-DD date`);
  const extra = Object.keys(s).filter((k) => !['kind', 'cite', 'verifiedAt', 'since'].includes(k));
  if (extra.length) out.push(`source has unknown members: ${extra.join(', ')}`);
  return out;
}

const isCapability = (n: unknown): boolean =>
  n === 'clock-control' || n === 'low-quota' || n === 'identities' || n === 'key-store-fixtures' || (typeof n === 'string' && n.startsWith('op:') && OPS.has(n.slice(3)));

export function lintCase(c: ConformanceCase, file: string): string[] {
  const out: string[] = [];
  const id = c.id;
  if (!ID_PATTERN.test(id)) out.push(`id '${id}' is not <area>.<behaviour> in lower-kebab segments`);
  const area = file.includes('/') ? file.split('/')[0]! : undefined;
  if (!area) out.push('case module must sit in an area folder: suites/conformance/<area>/');
  else if (!area.startsWith('_') && !id.startsWith(`${area}.`)) out.push(`id '${id}' must start with its folder's area '${area}.'`);
  else if (!area.startsWith('_') && file !== `${area}/${id.slice(area.length + 1)}.ts`) {
    out.push(`case module must be named after its id: ${area}/${id.slice(area.length + 1)}.ts (one case per module)`);
  }
  if (typeof c.title !== 'string' || !c.title.trim()) out.push('title is empty');
  else if (/[\r\n]/.test(c.title)) out.push('title must be one line');
  if (typeof c.doc !== 'string' || !DOC_PATTERN.test(c.doc)) out.push(`doc '${String(c.doc)}' is not an AWS documentation URL (https://docs.aws.amazon.com/...)`);
  out.push(...lintSource((c as { source?: unknown }).source));
  if (!Array.isArray(c.tags) || c.tags.length === 0) out.push('has no tags');
  else {
    for (const t of c.tags) if (!TAGS.has(t)) out.push(`tag '${t}' is not one of CASE_TAGS (${CASE_TAGS.join(', ')})`);
    if (new Set(c.tags).size !== c.tags.length) out.push('repeats a tag');
  }
  if (!Array.isArray(c.ops) || c.ops.length === 0) out.push('has no ops (the operations the case calls)');
  else for (const op of c.ops) if (!OPS.has(op)) out.push(`op '${op}' is not a KMS operation`);
  for (const f of c.flags ?? []) if (!FLAGS.has(f)) out.push(`flag '${f}' is not one of ${CASE_FLAGS.join(', ')}`);
  for (const n of c.needs ?? []) if (!isCapability(n)) out.push(`needs '${String(n)}' is not a capability (clock-control, low-quota, identities, key-store-fixtures, op:<Operation>)`);
  if (c.timeoutMs !== undefined && !(Number.isInteger(c.timeoutMs) && c.timeoutMs > 0)) out.push(`timeoutMs ${c.timeoutMs} is not a positive integer`);
  if (typeof c.run !== 'function') out.push('has no run function');
  else if (/\badvanceClock\b/.test(String(c.run)) && !(c.flags ?? []).includes('needs-clock')) {
    out.push("calls advanceClock without the 'needs-clock' flag");
  }
  return out;
}

export function lintCases(cases: readonly LoadedCase[]): LintProblem[] {
  const problems: LintProblem[] = [];
  const seen = new Map<string, string>();
  for (const { case: c, file } of cases) {
    for (const message of lintCase(c, file)) problems.push({ file, id: c.id, message });
    const other = seen.get(c.id);
    if (other !== undefined) problems.push({ file, id: c.id, message: `id is also used in ${other}` });
    else seen.set(c.id, file);
  }
  return problems;
}

/** Discovers the suite and lints it; load errors are problems too. */
export async function lintSuites(): Promise<{ problems: LintProblem[]; cases: number }> {
  const found = await discoverCases();
  const problems = [
    ...found.errors.map((e) => ({ file: e.file, message: e.message })),
    ...lintCases(found.cases),
    ...lintPrerequisites(found.cases, readSuiteSources(CONFORMANCE_DIR)),
  ];
  return { problems, cases: found.cases.length };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { problems, cases } = await lintSuites();
  for (const p of problems) console.log(`suites/conformance/${p.file}${p.id ? ` (${p.id})` : ''}: ${p.message}`);
  console.log(problems.length ? `${problems.length} problem(s) in ${cases} cases` : `${cases} cases, no problems`);
  process.exitCode = problems.length ? 1 : 0;
}
