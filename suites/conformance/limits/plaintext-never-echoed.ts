/**
 * Validation messages never echo plaintext (facts sheet: "Never echo plaintext or key material in
 * any message"; V1: AWS leaves the value out for the sensitive Plaintext member).
 */
import { defineCase, type ConformanceCase } from '../../../harness/conformance/case.js';

/** A recognisable plaintext: the marker text repeated to `bytes`. */
const secret = (bytes: number) => Buffer.from('KMSBENCH-SECRET-'.repeat(Math.ceil(bytes / 16)).slice(0, bytes), 'utf8');

function leaks(message: string, plaintext: Buffer): string[] {
  const b64 = plaintext.toString('base64');
  const found: string[] = [];
  if (message.includes('KMSBENCH-SECRET')) found.push('the plaintext text');
  if (message.includes(b64.slice(0, 24))) found.push('the plaintext in base64');
  if (message.includes(plaintext.toString('hex').slice(0, 24))) found.push('the plaintext in hex');
  return found;
}

const cases: ConformanceCase[] = [
  defineCase({
    id: 'limits.plaintext-too-long-not-echoed',
    title: 'The ValidationException for a 4097-byte plaintext does not contain the plaintext, in text, base64 or hex',
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html#KMS-Encrypt-request-Plaintext',
    tags: ['limits'],
    ops: ['CreateKey', 'Encrypt'],
    async run(t) {
      const key = await t.createKey();
      const plaintext = secret(4097);
      const reply = await t.raw('Encrypt', { KeyId: key.KeyId, Plaintext: plaintext.toString('base64') });
      t.expectEqual([reply.status, reply.errorCode], [400, 'ValidationException'], 'status and error code');
      t.expectEqual(leaks(reply.text, plaintext), [], 'plaintext found in the error body');
    },
  }),
  defineCase({
    id: 'limits.plaintext-not-echoed-with-other-errors',
    title: 'A request with an over-long plaintext and another invalid member does not echo the plaintext either',
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html#API_Encrypt_Errors',
    tags: ['limits'],
    ops: ['CreateKey', 'Encrypt'],
    async run(t) {
      const key = await t.createKey();
      const plaintext = secret(5000);
      const reply = await t.raw('Encrypt', {
        KeyId: key.KeyId,
        Plaintext: plaintext.toString('base64'),
        EncryptionAlgorithm: 'KMSBENCH_NO_SUCH_ALGORITHM',
      });
      t.expectEqual([reply.status, reply.errorCode], [400, 'ValidationException'], 'status and error code');
      t.expectEqual(leaks(reply.text, plaintext), [], 'plaintext found in the error body');
    },
  }),
];

export default cases;
