/** Alias names are 1..256 characters including "alias/" (facts sheet; MODEL AliasNameType). */
import { CreateAliasCommand, DescribeKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { settle, unthrottled } from '../_lib/support.js';
import { padded } from './_alias-name-length.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'limits.alias-name-256-characters',
  title: 'CreateAlias accepts a 256-character alias name, which then names the key',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html#KMS-CreateAlias-request-AliasName',
  source: documented('service model: AliasNameType (length 1..256)'),
  tags: ['limits', 'aliases'],
  ops: ['CreateKey', 'CreateAlias', 'DescribeKey'],
  async run(t) {
    const key = await givenKey(t);
    const name = padded(t.aliasName(), 256);
    t.expectEqual(name.length, 256, 'alias name length');
    await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: key.KeyId })));
    const out = await settle(() => t.kms.send(new DescribeKeyCommand({ KeyId: name })).catch((e: unknown) => e), (r) => !(r instanceof Error));
    t.expectEqual((out as { KeyMetadata?: { KeyId?: string } }).KeyMetadata?.KeyId, key.KeyId, 'KeyId through the alias');
  },
});
