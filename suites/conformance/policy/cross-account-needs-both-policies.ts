import { DecryptCommand, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { CROSS_ACCOUNT_DOC, denied, encrypt, keyWithPolicy, statement } from './_enforcement.js';
import { documented } from '../_lib/sources.js';

/**
 * The key policy lets the other account Encrypt and GenerateDataKey; other-account-user's identity
 * policy allows Encrypt, Decrypt and DescribeKey. Only Encrypt is allowed by both.
 */
export default defineCase({
  id: 'policy.cross-account-needs-both-policies',
  title: "Cross-account use needs the key policy and the caller's identity policy to agree: Encrypt yes, GenerateDataKey and Decrypt no",
  doc: CROSS_ACCOUNT_DOC,
  source: documented(`${CROSS_ACCOUNT_DOC} ("Neither the key policy nor the IAM policy alone is sufficient"); messages: spec/aws-observed.md §10 X1, X4`),
  tags: ['policy'],
  ops: ['CreateKey', 'Encrypt', 'GenerateDataKey', 'Decrypt'],
  needs: ['identities'],
  async run(t) {
    const other = t.as('other-account-user');
    const key = await keyWithPolicy(t, statement('Allow', `arn:aws:iam::${other.account}:root`, ['kms:Encrypt', 'kms:GenerateDataKey']));
    const { CiphertextBlob } = await encrypt(t, key.Arn, undefined, other.kms);
    await t.expectError(other.kms.send(new GenerateDataKeyCommand({ KeyId: key.Arn, KeySpec: 'AES_256' })), {
      code: 'AccessDeniedException',
      message: denied.noIdentityAllow(other.account, 'kms:GenerateDataKey', key.Arn),
    });
    await t.expectError(other.kms.send(new DecryptCommand({ KeyId: key.Arn, CiphertextBlob })), { code: 'AccessDeniedException', message: denied.crossAccount(other.account, 'kms:Decrypt') });
  },
});
