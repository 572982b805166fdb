/**
 * Shared by the cases about what one RotateKeyOnDemand does to a key (on-demand-*), one case per
 * module. Not a case file: no default export.
 *
 * @module
 */
import { defineCase, type CaseContext, type CaseSource, type ConformanceCase } from '../../../harness/conformance/case.js';
import type { OperationName } from '../../../common/model/model.js';
import type { Key } from '../key-state/_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { rotateOnDemand } from './_support.js';

export interface OnDemandCaseSpec<P> {
  /** The id after `rotation.on-demand-`. */
  behaviour: string;
  title: string;
  doc: string;
  source: CaseSource;
  ops: OperationName[];
  /** Runs on the fresh key before the rotation (a ciphertext, a schedule); its result goes to `after`. */
  before?(t: CaseContext, key: Key): Promise<P>;
  /** Runs once the rotation has completed. */
  after(t: CaseContext, key: Key, prepared: P): Promise<void>;
}

/**
 * A case that rotates a fresh key on demand (rotateOnDemand: waits for the rotation to complete,
 * hence the timeout) and then checks what the rotation did or left alone.
 */
export function onDemandCase<P = undefined>(spec: OnDemandCaseSpec<P>): ConformanceCase {
  return defineCase({
    id: `rotation.on-demand-${spec.behaviour}`,
    title: spec.title,
    doc: spec.doc,
    source: spec.source,
    tags: ['rotation'],
    ops: spec.ops,
    timeoutMs: 120_000,
    async run(t) {
      const key = await givenKey(t);
      const prepared = (await spec.before?.(t, key)) as P;
      await rotateOnDemand(t, key.KeyId);
      await spec.after(t, key, prepared);
    },
  });
}
