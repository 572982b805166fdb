import { contextConditionCase, denied, encrypt, keyWithPolicy, TENANT_DENY } from './_enforcement.js';

export default contextConditionCase({
  id: 'policy.deny-encryption-context-condition',
  title: 'A Deny conditioned on kms:EncryptionContext:tenant refuses Encrypt with that tenant',
  async run(t) {
    const key = await keyWithPolicy(t, TENANT_DENY);
    await t.expectError(encrypt(t, key.KeyId, { tenant: 'blocked', purpose: 'x' }), {
      code: 'AccessDeniedException',
      status: 400,
      message: denied.explicitDeny(t.account, 'kms:Encrypt', key.Arn),
    });
  },
});
