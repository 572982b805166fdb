/**
 * The metadata every case of an area shares, for the areas whose factories build on it (import,
 * multi-region): the id `<area>.<behaviour>`, the area's tag first. Not a case file: it has no
 * default export.
 *
 * @module
 */
import { defineCase, type CaseContext, type CaseFlag, type CaseSource, type CaseTag, type ConformanceCase } from '../../../harness/conformance/case.js';
import type { OperationName } from '../../../common/model/model.js';

/** What a case declares besides its area's own: `tags` after the area's. */
export interface AreaMeta {
  /** The id is `<area>.<behaviour>` (and the module `<area>/<behaviour>.ts`). */
  behaviour: string;
  title: string;
  doc: string;
  source: CaseSource;
  tags?: CaseTag[];
  ops: OperationName[];
  flags?: CaseFlag[];
}

/** A case of `area` (also its first tag), with `timeoutMs` where the area's cases need more than the default. */
export function areaCase(area: CaseTag, c: AreaMeta & { run(t: CaseContext): Promise<void> }, timeoutMs?: number): ConformanceCase {
  return defineCase({
    id: `${area}.${c.behaviour}`,
    title: c.title,
    doc: c.doc,
    source: c.source,
    tags: [area, ...(c.tags ?? [])],
    ops: c.ops,
    ...(c.flags ? { flags: c.flags } : {}),
    ...(timeoutMs ? { timeoutMs } : {}),
    run: c.run,
  });
}
