/**
 * Key management calls take a key id or key ARN only (MODEL: "Specify the key ID or key ARN of
 * the KMS key"); an alias name or alias ARN there is refused and the key is left alone. AWS's answer
 * is not recorded: an alias name gets NotFoundException (INFERRED from N4); for an alias ARN the
 * model lists InvalidArnException too, so either code passes. Only the code is checked.
 *
 * Shared by the management rejects aliases cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { DescribeKeyCommand, DisableKeyCommand, EnableKeyCommand, UpdateKeyDescriptionCommand } from '@aws-sdk/client-kms';
import { defineCase, type CaseContext, type CaseSource, type ConformanceCase } from '../../../harness/conformance/case.js';
import type { OperationName } from '../../../common/model/model.js';
import { aliasArn, expectOneOf, unthrottled } from '../_lib/support.js';
import { givenAlias, givenKey } from '../_lib/prerequisites.js';

export interface Op {
  name: 'DisableKey' | 'EnableKey' | 'UpdateKeyDescription';
  slug: string;
  send(t: CaseContext, keyId: string): Promise<unknown>;
  /** What DescribeKey must still show afterwards. */
  unchanged: (m: { KeyState?: string; Description?: string }) => unknown;
  expected: unknown;
  setUp?(t: CaseContext, keyId: string): Promise<unknown>;
}

export const OPS: Record<Op['name'], Op> = {
  DisableKey: {
    name: 'DisableKey',
    slug: 'disable-key',
    send: (t, KeyId) => unthrottled(() => t.kms.send(new DisableKeyCommand({ KeyId }))),
    unchanged: (m) => m.KeyState,
    expected: 'Enabled',
  },
  EnableKey: {
    name: 'EnableKey',
    slug: 'enable-key',
    setUp: (t, KeyId) => t.given('DisableKey puts the key in Disabled', () => unthrottled(() => t.kms.send(new DisableKeyCommand({ KeyId }))), { coveredBy: 'key-state.disabled-describe-key' }),
    send: (t, KeyId) => unthrottled(() => t.kms.send(new EnableKeyCommand({ KeyId }))),
    unchanged: (m) => m.KeyState,
    expected: 'Disabled',
  },
  UpdateKeyDescription: {
    name: 'UpdateKeyDescription',
    slug: 'update-key-description',
    send: (t, KeyId) => unthrottled(() => t.kms.send(new UpdateKeyDescriptionCommand({ KeyId, Description: 'changed through an alias' }))),
    unchanged: (m) => m.Description,
    expected: 'kmsbench original',
  },
};

export const rejectsAlias = (opName: Op['name'], form: 'alias-name' | 'alias-arn', source: CaseSource): ConformanceCase => {
  const op = OPS[opName];
  return defineCase({
    id: `keys.${op.slug}-rejects-${form}`,
    title: `${op.name} refuses an ${form.replace('-', ' ')} with ${form === 'alias-arn' ? 'NotFoundException or InvalidArnException' : 'NotFoundException'} and leaves the key unchanged`,
    doc: `https://docs.aws.amazon.com/kms/latest/APIReference/API_${op.name}.html#KMS-${op.name}-request-KeyId`,
    source,
    tags: ['semantics', 'aliases'],
    ops: ['CreateKey', 'CreateAlias', op.name, 'DescribeKey'] as OperationName[],
    async run(t) {
      const key = await givenKey(t, { Description: 'kmsbench original' });
      await op.setUp?.(t, key.KeyId);
      // The alias resolves before the management call is tested to refuse it.
      const alias = await givenAlias(t, key.KeyId, { wait: true });
      const name = form === 'alias-name' ? alias : aliasArn(t, alias);
      await expectOneOf(t, op.send(t, name), form === 'alias-arn' ? ['NotFoundException', 'InvalidArnException'] : ['NotFoundException'], op.name);
      const m = (await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata ?? {};
      t.expectEqual(op.unchanged(m), op.expected, `the key after the refused ${op.name}`);
    },
  });
};
