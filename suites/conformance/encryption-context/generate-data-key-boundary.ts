import { dataKeyCase, expectOpens, expectRefused } from './_support.js';
import { documented } from '../_lib/sources.js';

/** The {ab:c} / {a:bc} boundary for data keys (kms-facts.md). */
export default dataKeyCase(
  'GenerateDataKey',
  {
    behaviour: 'generate-data-key-boundary',
    title: 'A data key sealed under {ab:"c"} is refused under {a:"bc"}',
    source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKey.html#KMS-GenerateDataKey-request-EncryptionContext (an exact, case-sensitive match); the bare reply: spec/aws-observed.md §5 C1'),
  },
  { NumberOfBytes: 16, EncryptionContext: { ab: 'c' } },
  async (t, out) => {
    await expectOpens(t, out.CiphertextBlob!, out.Plaintext!, { ab: 'c' }, 'with the same context');
    await expectRefused(t, out.CiphertextBlob!, { a: 'bc' });
  },
);
