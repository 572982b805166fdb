/** CreateGrant on a key id that names no key: NotFoundException (MODEL CreateGrant errors). */
import { CreateGrantCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { absentKeyId, partitionOf } from '../_lib/support.js';
import { CREATE_GRANT_DOC } from './_support.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'grants.create-grant-absent-key',
  title: 'CreateGrant on a key id that names no key is refused with NotFoundException',
  doc: `${CREATE_GRANT_DOC}#API_CreateGrant_Errors`,
  source: documented('service model: CreateGrant errors (NotFoundException: "the specified entity or resource could not be found"); wording not recorded: code only'),
  tags: ['grants'],
  ops: ['CreateGrant'],
  async run(t) {
    const call = t.kms.send(new CreateGrantCommand({ KeyId: absentKeyId(), GranteePrincipal: `arn:${partitionOf(t.region)}:iam::${t.account}:root`, Operations: ['Encrypt'] }));
    await t.expectError(call, { code: 'NotFoundException', status: 400 });
  },
});
