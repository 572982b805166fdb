import { expectRawError } from '../_lib/support.js';
import { keyCase } from './_support.js';
import { documented } from '../_lib/sources.js';

export default keyCase(
  {
    behaviour: 'reencrypt-invalid-ciphertext',
    title: 'ReEncrypt of bytes that are no KMS ciphertext: InvalidCiphertextException with no message',
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html#API_ReEncrypt_Errors',
    source: documented('service model: InvalidCiphertextException; the bare reply: spec/aws-observed.md §5 C2'),
    ops: ['ReEncrypt'],
  },
  async (t, key) => {
    const garbage = Buffer.from('kmsbench: not a ciphertext blob at all, just some text', 'utf8').toString('base64');
    const reply = await t.raw('ReEncrypt', { CiphertextBlob: garbage, DestinationKeyId: key.KeyId });
    expectRawError(t, reply, { status: 400, code: 'InvalidCiphertextException', message: null }, 'ReEncrypt');
  },
);
