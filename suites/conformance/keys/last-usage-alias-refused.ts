import { CreateAliasCommand, GetKeyLastUsageCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { documented, requestDoc } from '../_lib/asymmetric.js';

export default defineCase({
  id: 'keys.last-usage-alias-refused',
  title: 'GetKeyLastUsage with an alias name is refused with NotFoundException (alias names are not supported)',
  doc: requestDoc('GetKeyLastUsage', 'KeyId'),
  source: documented('service model: GetKeyLastUsageRequest.KeyId ("Alias names are not supported"); error NotFoundException, message not recorded'),
  tags: ['semantics', 'aliases'],
  ops: ['CreateKey', 'CreateAlias', 'GetKeyLastUsage'],
  async run(t) {
    const key = await t.createKey();
    const alias = t.aliasName();
    await t.kms.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: key.KeyId }));
    await t.expectError(t.kms.send(new GetKeyLastUsageCommand({ KeyId: alias })), { code: 'NotFoundException', status: 400 });
  },
});
