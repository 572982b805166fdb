import { EncryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { aliasArn } from '../_lib/support.js';
import { recorded } from '../_lib/sources.js';

export default defineCase({
  id: 'crypto.encrypt-unknown-alias',
  title: 'Encrypt under an unknown alias name: NotFoundException "Alias <alias ARN> is not found." (N11)',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html#API_Encrypt_Errors',
  source: recorded('spec/aws-observed.md §1 N11'),
  tags: ['semantics', 'aliases'],
  ops: ['Encrypt'],
  async run(t) {
    // N11: observed through SSM (Encrypt with a missing alias, cloudposse/docs#152) and GetPublicKey/Sign (sigstore/cosign#1474).
    const name = t.aliasName('never-created');
    await t.expectError(t.kms.send(new EncryptCommand({ KeyId: name, Plaintext: t.bytes(8) })), {
      code: 'NotFoundException',
      status: 400,
      message: `Alias ${aliasArn(t, name)} is not found.`,
    });
  },
});
