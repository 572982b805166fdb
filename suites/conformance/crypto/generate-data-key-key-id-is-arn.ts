import { GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { givenAlias, givenKey } from '../_lib/prerequisites.js';
import { recorded } from '../_lib/sources.js';

export default defineCase({
  id: 'crypto.generate-data-key-key-id-is-arn',
  title: 'GenerateDataKey through an alias name answers KeyId = the key ARN',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKey.html#KMS-GenerateDataKey-response-KeyId',
  source: recorded('spec/aws-observed.md §4.2 (GenerateDataKey KeyId is the key ARN)'),
  tags: ['semantics', 'aliases'],
  ops: ['CreateKey', 'CreateAlias', 'GenerateDataKey'],
  async run(t) {
    const key = await givenKey(t);
    const alias = await givenAlias(t, key.KeyId, { wait: true });
    const out = await t.kms.send(new GenerateDataKeyCommand({ KeyId: alias, KeySpec: 'AES_128' }));
    t.expectEqual(out.KeyId, key.Arn, 'GenerateDataKey KeyId');
  },
});
