import { defineCase } from '../../../harness/conformance/case.js';
import { CONDITIONS_DOC, denied, encrypt, keyWithPolicy, statement } from './_enforcement.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'policy.encryption-context-condition-key-case-insensitive',
  title: 'kms:EncryptionContext:Tenant in a policy matches the context key "tenant": the condition key is not case sensitive',
  doc: `${CONDITIONS_DOC}#conditions-kms-encryption-context-case`,
  source: documented(`${CONDITIONS_DOC}#conditions-kms-encryption-context-case ("the condition key ... is not case sensitive")`),
  tags: ['policy', 'encryption-context'],
  ops: ['CreateKey', 'Encrypt'],
  async run(t) {
    const key = await keyWithPolicy(t, statement('Deny', '*', 'kms:Encrypt', { Condition: { StringEquals: { 'kms:EncryptionContext:Tenant': 'blocked' } } }));
    await t.expectError(encrypt(t, key.KeyId, { tenant: 'blocked' }), { code: 'AccessDeniedException', message: denied.explicitDeny(t.account, 'kms:Encrypt', key.Arn) });
  },
});
