/**
 * DescribeKey names its key in any of the four forms (aws-observed.md N15, A10; MODEL DescribeKey
 * KeyId: "key ID, key ARN, alias name, or alias ARN"), always answering with the key's metadata.
 *
 * Shared by the describe key id forms cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { defineCase, type CaseContext, type CaseSource, type ConformanceCase } from '../../../harness/conformance/case.js';
import { aliasArn, settle } from '../_lib/support.js';
import { givenAlias, givenKey } from '../_lib/prerequisites.js';

export type Form = 'key-id' | 'key-arn' | 'alias-name' | 'alias-arn';

export async function nameIn(t: CaseContext, form: Form): Promise<{ keyId: string; arn: string; name: string }> {
  const key = await givenKey(t);
  if (form === 'key-id') return { keyId: key.KeyId, arn: key.Arn, name: key.KeyId };
  if (form === 'key-arn') return { keyId: key.KeyId, arn: key.Arn, name: key.Arn };
  const alias = await givenAlias(t, key.KeyId);
  return { keyId: key.KeyId, arn: key.Arn, name: form === 'alias-name' ? alias : aliasArn(t, alias) };
}

export const describeBy = (form: Form, source: CaseSource): ConformanceCase =>
  defineCase({
    id: `keys.describe-key-by-${form}`,
    title: `DescribeKey accepts the ${form.replace('-', ' ')} and answers with that key's KeyId and Arn`,
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html#KMS-DescribeKey-request-KeyId',
    source,
    tags: ['semantics', ...(form.startsWith('alias') ? (['aliases'] as const) : [])],
    ops: form.startsWith('alias') ? ['CreateKey', 'CreateAlias', 'DescribeKey'] : ['CreateKey', 'DescribeKey'],
    async run(t) {
      const { keyId, arn, name } = await nameIn(t, form);
      const read = () => t.kms.send(new DescribeKeyCommand({ KeyId: name })).catch((e: unknown) => e as Error);
      const out = await settle(read, (r) => !(r instanceof Error));
      if (out instanceof Error) throw out;
      t.expectEqual(out.KeyMetadata?.KeyId, keyId, 'KeyMetadata.KeyId');
      t.expectEqual(out.KeyMetadata?.Arn, arn, 'KeyMetadata.Arn');
    },
  });
