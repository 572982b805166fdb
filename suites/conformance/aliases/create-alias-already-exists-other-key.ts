import { CreateAliasCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { unthrottled } from '../_lib/support.js';
import { givenAlias, givenKey } from '../_lib/prerequisites.js';
import { expectAliasStays } from './_support.js';
import { recorded } from '../_lib/sources.js';

export default defineCase({
  id: 'aliases.create-alias-already-exists-other-key',
  title: 'CreateAlias of an existing name for another key is refused and the alias keeps pointing at its key',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html#API_CreateAlias_Errors',
  source: recorded('spec/aws-observed.md §7 A1 (code); the alias keeping its key is inferred'),
  tags: ['aliases'],
  ops: ['CreateKey', 'CreateAlias', 'DescribeKey'],
  async run(t) {
    const [first, second] = await Promise.all([givenKey(t), givenKey(t)]);
    const name = await givenAlias(t, first.KeyId);
    const refused = unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: second.KeyId })));
    await expectAliasStays(t, name, first.KeyId, refused, 'AlreadyExistsException');
  },
});
