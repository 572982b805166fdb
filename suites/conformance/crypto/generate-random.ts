import { GenerateRandomCommand } from '@aws-sdk/client-kms';
import { defineCase, type ConformanceCase } from '../../../harness/conformance/case.js';
import { b64, expectRawOk, members } from '../_lib/support.js';

const DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateRandom.html';

const cases: ConformanceCase[] = [
  defineCase({
    id: 'crypto.generate-random-response-members',
    title: 'GenerateRandom answers exactly {Plaintext}, base64 of NumberOfBytes bytes',
    doc: `${DOC}#API_GenerateRandom_ResponseSyntax`,
    tags: ['semantics'],
    ops: ['GenerateRandom'],
    async run(t) {
      // aws-observed.md §4.2 (EX GenerateRandom).
      const out = expectRawOk(t, await t.raw('GenerateRandom', { NumberOfBytes: 48 }), 'GenerateRandom');
      t.expectEqual(members(out), ['Plaintext'], 'GenerateRandom response members');
      t.expectEqual(Buffer.from(String(out.Plaintext), 'base64').length, 48, 'Plaintext length');
    },
  }),
  defineCase({
    id: 'crypto.generate-random-differs',
    title: 'Two GenerateRandom calls of 32 bytes return different bytes',
    doc: `${DOC}#KMS-GenerateRandom-response-Plaintext`,
    tags: ['semantics'],
    ops: ['GenerateRandom'],
    async run(t) {
      const [a, b] = await Promise.all([
        t.kms.send(new GenerateRandomCommand({ NumberOfBytes: 32 })),
        t.kms.send(new GenerateRandomCommand({ NumberOfBytes: 32 })),
      ]);
      t.check(b64(a.Plaintext ?? new Uint8Array()) !== b64(b.Plaintext ?? new Uint8Array()), 'the two results differ');
    },
  }),
];

export default cases;
