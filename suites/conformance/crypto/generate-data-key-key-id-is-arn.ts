import { CreateAliasCommand, DescribeKeyCommand, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { settle, unthrottled } from '../_lib/support.js';

export default defineCase({
  id: 'crypto.generate-data-key-key-id-is-arn',
  title: 'GenerateDataKey through an alias name answers KeyId = the key ARN',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKey.html#KMS-GenerateDataKey-response-KeyId',
  source: {
    kind: 'recorded',
    cite: 'spec/aws-observed.md §4.2 (GenerateDataKey KeyId is the key ARN)',
    verifiedAt: '2026-12-07',
  },
  tags: ['semantics', 'aliases'],
  ops: ['CreateKey', 'CreateAlias', 'GenerateDataKey'],
  async run(t) {
    const key = await t.createKey();
    const alias = t.aliasName();
    await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: key.KeyId })));
    await settle(() => t.kms.send(new DescribeKeyCommand({ KeyId: alias })).catch((e: unknown) => e), (r) => !(r instanceof Error));
    const out = await t.kms.send(new GenerateDataKeyCommand({ KeyId: alias, KeySpec: 'AES_128' }));
    t.expectEqual(out.KeyId, key.Arn, 'GenerateDataKey KeyId');
  },
});
