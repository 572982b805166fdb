import { defineCase } from '../../../harness/conformance/case.js';
import { EC_CONDITION_DOC, EC_CONDITION_SOURCE, encrypt, keyWithPolicy, TENANT_DENY } from './_enforcement.js';

export default defineCase({
  id: 'policy.deny-encryption-context-condition-twin-allowed',
  title: 'The same conditioned Deny lets Encrypt through with another tenant, and without an encryption context',
  doc: EC_CONDITION_DOC,
  source: EC_CONDITION_SOURCE,
  tags: ['policy', 'encryption-context'],
  ops: ['CreateKey', 'Encrypt'],
  async run(t) {
    const key = await keyWithPolicy(t, TENANT_DENY);
    await encrypt(t, key.KeyId, { tenant: 'allowed' });
    await encrypt(t, key.KeyId);
  },
});
