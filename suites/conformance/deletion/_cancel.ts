/**
 * Shared by the cases about what CancelKeyDeletion does (cancel-*), one case per module. Not a case
 * file: no default export.
 *
 * @module
 */
import { CancelKeyDeletionCommand, type CancelKeyDeletionCommandOutput } from '@aws-sdk/client-kms';
import { defineCase, type CaseContext, type CaseSource, type CaseTag, type ConformanceCase } from '../../../harness/conformance/case.js';
import type { OperationName } from '../../../common/model/model.js';
import { givenKey } from '../_lib/prerequisites.js';
import { putInState, type Key } from '../key-state/_support.js';

export interface CancelCaseSpec<P> {
  /** The id after `deletion.cancel-`. */
  behaviour: string;
  title: string;
  doc: string;
  source: CaseSource;
  tags: CaseTag[];
  ops: OperationName[];
  /** Cancels naming the key by its ARN rather than its key id. */
  byArn?: boolean;
  /** Runs on the fresh key before it is scheduled for deletion (e.g. to make a ciphertext); its result goes to `after`. */
  before?(t: CaseContext, key: Key): Promise<P>;
  /** Runs once CancelKeyDeletion has answered `reply`. */
  after(t: CaseContext, key: Key, reply: CancelKeyDeletionCommandOutput, prepared: P): Promise<void>;
}

/**
 * A case whose key is put in PendingDeletion (prerequisites), then CancelKeyDeletion is called
 * and `after` checks what the cancellation did.
 */
export function cancelCase<P = undefined>(spec: CancelCaseSpec<P>): ConformanceCase {
  return defineCase({
    id: `deletion.cancel-${spec.behaviour}`,
    title: spec.title,
    doc: spec.doc,
    source: spec.source,
    tags: spec.tags,
    ops: spec.ops,
    async run(t) {
      const key = await givenKey(t);
      const prepared = (await spec.before?.(t, key)) as P;
      await putInState(t, key, 'PendingDeletion');
      const reply = await t.kms.send(new CancelKeyDeletionCommand({ KeyId: spec.byArn ? key.Arn : key.KeyId }));
      await spec.after(t, key, reply, prepared);
    },
  });
}
