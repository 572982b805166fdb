import { CreateAliasCommand, DeleteAliasCommand } from '@aws-sdk/client-kms';
import { describeIn, documented, givenKeyIn, MODEL, perRegionCase } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';

export default perRegionCase({
  behaviour: 'aliases-per-region',
  title: 'The same alias name can name different keys in two Regions',
  source: documented(`${MODEL('CreateAliasRequest.AliasName')} ("The alias name must be unique in the account and Region")`),
  tags: ['aliases'],
  ops: ['CreateKey', 'CreateAlias', 'DescribeKey', 'DeleteAlias'],
  async body(t, region) {
    const kms = t.kmsIn(region);
    const here = await givenKey(t);
    const there = await givenKeyIn(t, region);
    const name = t.aliasName('per-region');
    await t.kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: here.KeyId }));
    await kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: there.KeyId }));
    t.cleanup(() => kms.send(new DeleteAliasCommand({ AliasName: name })));
    t.expectEqual((await describeIn(t, t.kms, name)).KeyId, here.KeyId, 'the alias here');
    t.expectEqual((await describeIn(t, kms, name)).KeyId, there.KeyId, 'the alias in the other Region');
  },
});
