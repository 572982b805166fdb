import { CreateAliasCommand, GetKeyLastUsageCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { documented, requestDoc } from '../_lib/asymmetric.js';
import { givenKey, TESTED_BY } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'keys.last-usage-alias-refused',
  title: 'GetKeyLastUsage with an alias name is refused with NotFoundException (alias names are not supported)',
  doc: requestDoc('GetKeyLastUsage', 'KeyId'),
  source: documented('service model: GetKeyLastUsageRequest.KeyId ("Alias names are not supported"); error NotFoundException, message not recorded'),
  tags: ['semantics', 'aliases'],
  ops: ['CreateKey', 'CreateAlias', 'GetKeyLastUsage'],
  async run(t) {
    const key = await givenKey(t);
    const alias = t.aliasName();
    await t.given('CreateAlias names the key', () => t.kms.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: key.KeyId })), { coveredBy: TESTED_BY.createAlias });
    await t.expectError(t.kms.send(new GetKeyLastUsageCommand({ KeyId: alias })), { code: 'NotFoundException', status: 400 });
  },
});
