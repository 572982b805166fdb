import { ReEncryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { denied, keyWithPolicy, statement } from './_enforcement.js';
import { root } from './_support.js';
import { givenCiphertext, givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'policy.reencrypt-needs-reencrypt-from',
  title: 'ReEncrypt is authorized as kms:ReEncryptFrom on the source key: a Deny of it there refuses the call',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html',
  source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html ("kms:ReEncryptFrom permission on the source KMS key (key policy)")'),
  tags: ['policy'],
  ops: ['CreateKey', 'Encrypt', 'ReEncrypt'],
  async run(t) {
    const source = await keyWithPolicy(t, statement('Deny', root(t), 'kms:ReEncryptFrom'));
    const destination = await givenKey(t);
    const CiphertextBlob = await givenCiphertext(t, source.KeyId);
    await t.expectError(t.kms.send(new ReEncryptCommand({ CiphertextBlob, SourceKeyId: source.Arn, DestinationKeyId: destination.KeyId })), {
      code: 'AccessDeniedException',
      message: denied.explicitDeny(t.account, 'kms:ReEncryptFrom', source.Arn),
    });
    const other = await givenCiphertext(t, destination.KeyId, { what: 'Encrypt gives a ciphertext under the other key' });
    await t.kms.send(new ReEncryptCommand({ CiphertextBlob: other, DestinationKeyId: source.KeyId }));
  },
});
