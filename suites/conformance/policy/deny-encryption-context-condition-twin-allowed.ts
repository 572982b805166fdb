import { defineCase } from '../../../harness/conformance/case.js';
import { CONDITIONS_DOC, encrypt, keyWithPolicy, TENANT_DENY } from './_enforcement.js';

export default defineCase({
  id: 'policy.deny-encryption-context-condition-twin-allowed',
  title: 'The same conditioned Deny lets Encrypt through with another tenant, and without an encryption context',
  doc: `${CONDITIONS_DOC}#conditions-kms-encryption-context`,
  source: { kind: 'documented', cite: `${CONDITIONS_DOC}#conditions-kms-encryption-context`, verifiedAt: '2026-12-07' },
  tags: ['policy', 'encryption-context'],
  ops: ['CreateKey', 'Encrypt'],
  async run(t) {
    const key = await keyWithPolicy(t, TENANT_DENY);
    await encrypt(t, key.KeyId, { tenant: 'allowed' });
    await encrypt(t, key.KeyId);
  },
});
