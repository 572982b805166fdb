/**
 * The skeleton most crypto cases share: one fresh symmetric key (a prerequisite, through givenKey),
 * then the calls the case is about. Not a case file: no default export.
 *
 * @module
 */
import { defineCase, type CaseContext, type CaseSource, type ConformanceCase } from '../../../harness/conformance/case.js';
import type { OperationName } from '../../../common/model/model.js';
import { givenKey } from '../_lib/prerequisites.js';
import type { Key } from '../key-state/_support.js';

/** An operation's name as it stands in case ids: GenerateDataKey → generate-data-key. */
export const slug = (op: string) => op.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();

export interface KeyCase {
  /** Behaviour part of the id (`crypto.<behaviour>`). */
  behaviour: string;
  title: string;
  doc: string;
  source: CaseSource;
  /** The operations the case calls after CreateKey. */
  ops: OperationName[];
}

/** A crypto case: `run` gets a fresh symmetric key to work with. */
export function keyCase(about: KeyCase, run: (t: CaseContext, key: Key) => Promise<void>): ConformanceCase {
  return defineCase({
    id: `crypto.${about.behaviour}`,
    title: about.title,
    doc: about.doc,
    source: about.source,
    tags: ['semantics'],
    ops: ['CreateKey', ...about.ops],
    async run(t) {
      await run(t, await givenKey(t));
    },
  });
}
