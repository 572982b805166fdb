import { defineCase } from '../../../harness/conformance/case.js';
import { EC_CONDITION_DOC, EC_CONDITION_SOURCE, denied, encrypt, keyWithPolicy, TENANT_DENY } from './_enforcement.js';

export default defineCase({
  id: 'policy.deny-encryption-context-condition',
  title: 'A Deny conditioned on kms:EncryptionContext:tenant refuses Encrypt with that tenant',
  doc: EC_CONDITION_DOC,
  source: EC_CONDITION_SOURCE,
  tags: ['policy', 'encryption-context'],
  ops: ['CreateKey', 'Encrypt'],
  async run(t) {
    const key = await keyWithPolicy(t, TENANT_DENY);
    await t.expectError(encrypt(t, key.KeyId, { tenant: 'blocked', purpose: 'x' }), {
      code: 'AccessDeniedException',
      status: 400,
      message: denied.explicitDeny(t.account, 'kms:Encrypt', key.Arn),
    });
  },
});
