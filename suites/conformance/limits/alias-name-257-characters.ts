/** Alias names are 1..256 characters including "alias/" (facts sheet; MODEL AliasNameType). */
import { CreateAliasCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { refused, unthrottled } from '../_lib/support.js';
import { padded } from './_alias-name-length.js';
import { givenKey } from '../_lib/prerequisites.js';
import { inferred } from '../_lib/sources.js';

export default defineCase({
  id: 'limits.alias-name-257-characters',
  title: 'CreateAlias refuses a 257-character alias name with ValidationException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html#KMS-CreateAlias-request-AliasName',
  source: inferred('service model: AliasNameType (max 256); ValidationException by analogy with recorded length violations (spec/aws-observed.md §6.1 V17, V18), wording not recorded'),
  tags: ['limits', 'aliases'],
  ops: ['CreateKey', 'CreateAlias'],
  async run(t) {
    // Wording INFERRED (aws-observed.md §6.2): code only.
    const key = await givenKey(t);
    const r = await refused(t, unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: padded(t.aliasName(), 257), TargetKeyId: key.KeyId }))), 'CreateAlias');
    t.expectEqual([r.code, r.status], ['ValidationException', 400], 'error code and status');
  },
});
