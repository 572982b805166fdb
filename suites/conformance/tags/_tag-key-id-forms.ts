/**
 * The tag calls take a key id or key ARN only (MODEL TagResource/UntagResource/ListResourceTags
 * KeyId); an alias name, or a key that does not exist, is NotFoundException (wording INFERRED: code
 * only); for an alias ARN the model lists InvalidArnException too, and AWS's code is not recorded:
 * either passes.
 *
 * Shared by the tag key id forms cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { ListResourceTagsCommand, TagResourceCommand, UntagResourceCommand } from '@aws-sdk/client-kms';
import { defineCase, type CaseContext, type CaseSource, type ConformanceCase } from '../../../harness/conformance/case.js';
import type { OperationName } from '../../../common/model/model.js';
import { aliasArn, expectOneOf, unthrottled } from '../_lib/support.js';
import { absentKeyCase } from '../_lib/absent-key-case.js';
import { givenAlias, givenKey } from '../_lib/prerequisites.js';

export type Op = 'TagResource' | 'UntagResource' | 'ListResourceTags';

export const call: Record<Op, (t: CaseContext, KeyId: string) => Promise<unknown>> = {
  TagResource: (t, KeyId) => unthrottled(() => t.kms.send(new TagResourceCommand({ KeyId, Tags: [{ TagKey: 'a', TagValue: 'b' }] }))),
  UntagResource: (t, KeyId) => unthrottled(() => t.kms.send(new UntagResourceCommand({ KeyId, TagKeys: ['a'] }))),
  ListResourceTags: (t, KeyId) => t.kms.send(new ListResourceTagsCommand({ KeyId })),
};

export const slug = (op: string) => op.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();

export const rejectsAlias = (op: Op, form: 'alias-name' | 'alias-arn', source: CaseSource): ConformanceCase =>
  defineCase({
    id: `tags.${slug(op)}-rejects-${form}`,
    title: `${op} refuses an ${form.replace('-', ' ')} as KeyId with ${form === 'alias-arn' ? 'NotFoundException or InvalidArnException' : 'NotFoundException'}`,
    doc: `https://docs.aws.amazon.com/kms/latest/APIReference/API_${op}.html#KMS-${op}-request-KeyId`,
    source,
    tags: ['tags', 'aliases'],
    ops: ['CreateKey', 'CreateAlias', 'DescribeKey', op] as OperationName[],
    async run(t) {
      const key = await givenKey(t);
      const alias = await givenAlias(t, key.KeyId, { wait: true });
      const name = form === 'alias-name' ? alias : aliasArn(t, alias);
      await expectOneOf(t, call[op](t, name), form === 'alias-arn' ? ['NotFoundException', 'InvalidArnException'] : ['NotFoundException'], op);
    },
  });

export const absentKey = (op: Op, source: CaseSource): ConformanceCase =>
  absentKeyCase({ id: `tags.${slug(op)}-absent-key`, op, tags: ['tags'], source, send: call[op] });
