import { defineCase } from '../../../harness/conformance/case.js';
import { CONDITIONS_DOC, denied, encrypt, keyWithPolicy, TENANT_DENY } from './_enforcement.js';

export default defineCase({
  id: 'policy.deny-encryption-context-condition',
  title: 'A Deny conditioned on kms:EncryptionContext:tenant refuses Encrypt with that tenant',
  doc: `${CONDITIONS_DOC}#conditions-kms-encryption-context`,
  source: { kind: 'documented', cite: `${CONDITIONS_DOC}#conditions-kms-encryption-context`, verifiedAt: '2026-12-07' },
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
