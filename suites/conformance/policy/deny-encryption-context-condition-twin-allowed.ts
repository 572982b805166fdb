import { contextConditionCase, encrypt, keyWithPolicy, TENANT_DENY } from './_enforcement.js';

export default contextConditionCase({
  id: 'policy.deny-encryption-context-condition-twin-allowed',
  title: 'The same conditioned Deny lets Encrypt through with another tenant, and without an encryption context',
  async run(t) {
    const key = await keyWithPolicy(t, TENANT_DENY);
    await encrypt(t, key.KeyId, { tenant: 'allowed' });
    await encrypt(t, key.KeyId);
  },
});
