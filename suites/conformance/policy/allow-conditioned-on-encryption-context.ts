import { contextConditionCase, denied, encrypt, keyWithPolicy, statement } from './_enforcement.js';

export default contextConditionCase({
  id: 'policy.allow-conditioned-on-encryption-context',
  title: 'An Allow for bob conditioned on kms:EncryptionContext:tenant lets bob encrypt for that tenant only',
  needs: ['identities'],
  async run(t) {
    const bob = t.as('bob');
    const key = await keyWithPolicy(t, statement('Allow', bob.arn, 'kms:Encrypt', { Condition: { StringEquals: { 'kms:EncryptionContext:tenant': 'bob' } } }));
    await encrypt(t, key.KeyId, { tenant: 'bob' }, bob.kms);
    await t.expectError(encrypt(t, key.KeyId, { tenant: 'alice' }, bob.kms), {
      code: 'AccessDeniedException',
      message: denied.noIdentityAllow(bob.account, 'kms:Encrypt', key.Arn),
    });
  },
});
