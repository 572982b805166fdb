import { defineCase } from '../../../harness/conformance/case.js';
import { expectRawOk, members } from '../_lib/support.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'crypto.generate-random-response-members',
  title: 'GenerateRandom answers exactly {Plaintext}, base64 of NumberOfBytes bytes',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateRandom.html#API_GenerateRandom_ResponseSyntax',
  source: documented('service model: examples-1.json GenerateRandom (only Plaintext; spec/aws-observed.md §4.2)'),
  tags: ['semantics'],
  ops: ['GenerateRandom'],
  async run(t) {
    // aws-observed.md §4.2 (EX GenerateRandom).
    const out = expectRawOk(t, await t.raw('GenerateRandom', { NumberOfBytes: 48 }), 'GenerateRandom');
    t.expectEqual(members(out), ['Plaintext'], 'GenerateRandom response members');
    t.expectEqual(Buffer.from(String(out.Plaintext), 'base64').length, 48, 'Plaintext length');
  },
});
