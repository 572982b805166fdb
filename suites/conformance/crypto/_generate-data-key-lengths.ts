/**
 * The data key's length follows KeySpec or NumberOfBytes (MODEL GenerateDataKey; facts sheet).
 *
 * Shared by the generate data key lengths cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { GenerateDataKeyCommand, type GenerateDataKeyCommandInput } from '@aws-sdk/client-kms';
import type { CaseSource, ConformanceCase } from '../../../harness/conformance/case.js';
import { keyCase } from './_support.js';

export const dataKeyLength = (slug: string, input: Partial<GenerateDataKeyCommandInput>, bytes: number, source: CaseSource): ConformanceCase =>
  keyCase(
    {
      behaviour: `generate-data-key-${slug}`,
      title: `GenerateDataKey with ${JSON.stringify(input)} returns a ${bytes}-byte Plaintext`,
      doc: `https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKey.html#KMS-GenerateDataKey-request-${'KeySpec' in input ? 'KeySpec' : 'NumberOfBytes'}`,
      source,
      ops: ['GenerateDataKey'],
    },
    async (t, key) => {
      const out = await t.kms.send(new GenerateDataKeyCommand({ KeyId: key.KeyId, ...input }));
      t.expectEqual(out.Plaintext?.length, bytes, 'Plaintext length');
    },
  );
