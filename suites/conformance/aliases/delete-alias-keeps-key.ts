import { DeleteAliasCommand, DescribeKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { unthrottled } from '../_lib/support.js';
import { givenAlias, givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'aliases.delete-alias-keeps-key',
  title: 'DeleteAlias leaves the key it named enabled and usable',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteAlias.html#API_DeleteAlias_RequestParameters',
  source: documented('service model: DeleteAlias doc ("you can delete and change the aliases of a KMS key without affecting the KMS key")'),
  tags: ['aliases'],
  ops: ['CreateKey', 'CreateAlias', 'DeleteAlias', 'DescribeKey'],
  async run(t) {
    const key = await givenKey(t);
    const name = await givenAlias(t, key.KeyId);
    await unthrottled(() => t.kms.send(new DeleteAliasCommand({ AliasName: name })));
    const m = (await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata;
    t.expectEqual([m?.KeyState, m?.Enabled], ['Enabled', true], 'KeyState and Enabled');
  },
});
