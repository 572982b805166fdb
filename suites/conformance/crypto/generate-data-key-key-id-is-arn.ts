import { GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { givenAlias, givenKey } from '../_lib/prerequisites.js';

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
    const key = await givenKey(t);
    const alias = await givenAlias(t, key.KeyId, { wait: true });
    const out = await t.kms.send(new GenerateDataKeyCommand({ KeyId: alias, KeySpec: 'AES_128' }));
    t.expectEqual(out.KeyId, key.Arn, 'GenerateDataKey KeyId');
  },
});
