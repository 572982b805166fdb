/** RevokeGrant on a key id that names no key: NotFoundException (MODEL RevokeGrant errors). */
import { RevokeGrantCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { absentKeyId } from '../_lib/support.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'grants.revoke-grant-absent-key',
  title: 'RevokeGrant on a key id that names no key is refused with NotFoundException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_RevokeGrant.html#API_RevokeGrant_Errors',
  source: documented('service model: RevokeGrant errors (NotFoundException: "the specified entity or resource could not be found"); wording not recorded: code only'),
  tags: ['grants'],
  ops: ['RevokeGrant'],
  async run(t) {
    const grantId = 'a'.repeat(64);
    await t.expectError(t.kms.send(new RevokeGrantCommand({ KeyId: absentKeyId(), GrantId: grantId })), { code: 'NotFoundException', status: 400 });
  },
});
