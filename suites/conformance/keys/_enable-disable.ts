/**
 * DisableKey and EnableKey: each answers an empty result, accepts the key ARN, does nothing to a key
 * already in the state it asks for, and DescribeKey then shows the key in that state.
 *
 * Shared by the disable key and enable key cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { DescribeKeyCommand, DisableKeyCommand, EnableKeyCommand } from '@aws-sdk/client-kms';
import { defineCase, type CaseSource, type ConformanceCase } from '../../../harness/conformance/case.js';
import type { OperationName } from '../../../common/model/model.js';
import { members, unthrottled } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { disabledKey } from '../key-state/_support.js';

const OPS = {
  DisableKey: { slug: 'disable-key', state: 'Disabled', enabled: false, command: DisableKeyCommand },
  EnableKey: { slug: 'enable-key', state: 'Enabled', enabled: true, command: EnableKeyCommand },
} as const;

/**
 * `shows`: from the other state, the empty result and the new state; `already`: on a key already
 * in the op's state, which stays so; `by-key-arn`: from the other state, naming the key by ARN.
 */
export type Variant = 'shows' | 'already' | 'by-key-arn';

const ANCHOR: Record<Variant, (op: keyof typeof OPS) => string> = {
  shows: (op) => `API_${op}_ResponseElements`,
  already: (op) => `API_${op}_RequestParameters`,
  'by-key-arn': (op) => `KMS-${op}-request-KeyId`,
};

export const toggleCase = (o: { op: keyof typeof OPS; variant: Variant; title: string; source: CaseSource }): ConformanceCase => {
  const { slug, state, enabled, command: Command } = OPS[o.op];
  // The key starts in the op's own state for `already`, in the other state otherwise.
  const startsDisabled = o.variant === 'already' ? o.op === 'DisableKey' : o.op === 'EnableKey';
  const ops: OperationName[] = startsDisabled && o.op === 'EnableKey' ? ['CreateKey', 'DisableKey', 'EnableKey', 'DescribeKey'] : ['CreateKey', o.op, 'DescribeKey'];
  return defineCase({
    id: `keys.${slug}-${o.variant === 'by-key-arn' ? o.variant : `${o.variant}-${state.toLowerCase()}`}`,
    title: o.title,
    doc: `https://docs.aws.amazon.com/kms/latest/APIReference/API_${o.op}.html#${ANCHOR[o.variant](o.op)}`,
    source: o.source,
    tags: ['semantics'],
    ops,
    async run(t) {
      const key = startsDisabled ? await disabledKey(t) : await givenKey(t);
      const out = await unthrottled(() => t.kms.send(new Command({ KeyId: o.variant === 'by-key-arn' ? key.Arn : key.KeyId })));
      if (o.variant === 'shows') t.expectEqual(members(out), [], `${o.op} output members`);
      const m = (await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata;
      if (o.variant === 'by-key-arn') t.expectEqual(m?.KeyState, state, 'KeyState');
      else t.expectEqual([m?.Enabled, m?.KeyState], [enabled, state], `Enabled and KeyState${o.variant === 'shows' ? ` after ${o.op}` : ''}`);
    },
  });
};
