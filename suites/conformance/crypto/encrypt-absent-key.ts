import { EncryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { absentKeyId } from '../_lib/support.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'crypto.encrypt-absent-key',
  title: 'Encrypt under a key id that names no key is refused with NotFoundException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html#API_Encrypt_Errors',
  source: documented('service model: Encrypt errors (NotFoundException)'),
  tags: ['semantics'],
  ops: ['Encrypt'],
  async run(t) {
    await t.expectError(t.kms.send(new EncryptCommand({ KeyId: absentKeyId(), Plaintext: t.bytes(8) })), { code: 'NotFoundException', status: 400 });
  },
});
