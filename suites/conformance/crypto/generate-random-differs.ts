import { GenerateRandomCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { b64 } from '../_lib/support.js';
import { inferred } from '../_lib/sources.js';

export default defineCase({
  id: 'crypto.generate-random-differs',
  title: 'Two GenerateRandom calls of 32 bytes return different bytes',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateRandom.html#KMS-GenerateRandom-response-Plaintext',
  source: inferred('service model: GenerateRandom ("a random byte string"): two draws of 32 bytes are equal with negligible probability'),
  tags: ['semantics'],
  ops: ['GenerateRandom'],
  async run(t) {
    const [a, b] = await Promise.all([
      t.kms.send(new GenerateRandomCommand({ NumberOfBytes: 32 })),
      t.kms.send(new GenerateRandomCommand({ NumberOfBytes: 32 })),
    ]);
    t.check(b64(a.Plaintext ?? new Uint8Array()) !== b64(b.Plaintext ?? new Uint8Array()), 'the two results differ');
  },
});
