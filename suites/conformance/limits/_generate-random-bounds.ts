/**
 * GenerateRandom NumberOfBytes is 1..1024 and required (aws-observed.md V2-V4, recorded on AWS).
 *
 * Shared by the generate random bounds cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { GenerateRandomCommand } from '@aws-sdk/client-kms';
import { defineCase, type CaseSource, type ConformanceCase } from '../../../harness/conformance/case.js';

export const DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateRandom.html#KMS-GenerateRandom-request-NumberOfBytes';

export const accepted = (n: number, source: CaseSource): ConformanceCase =>
  defineCase({
    id: `limits.generate-random-${n}-bytes`,
    title: `GenerateRandom with NumberOfBytes ${n} returns ${n} bytes`,
    doc: DOC,
    source,
    tags: ['limits'],
    ops: ['GenerateRandom'],
    async run(t) {
      const out = await t.kms.send(new GenerateRandomCommand({ NumberOfBytes: n }));
      t.expectEqual(out.Plaintext?.length, n, 'Plaintext length');
    },
  });
