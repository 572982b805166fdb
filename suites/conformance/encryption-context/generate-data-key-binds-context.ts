import { dataKeyCase, DATA_KEY_SOURCE, expectOpens, expectRefused } from './_support.js';

const context = { bucket: 'reports', object: '2026/11/summary.csv' };

/** aws-observed.md C1 (test_encryption_context_generate_data_key*: same bare refusal for data keys). */
export default dataKeyCase(
  'GenerateDataKey',
  {
    behaviour: 'generate-data-key-binds-context',
    title: 'A GenerateDataKey blob opens to the returned Plaintext with its context, and not without it',
    source: DATA_KEY_SOURCE,
  },
  { KeySpec: 'AES_256', EncryptionContext: context },
  async (t, out) => {
    t.expectEqual(out.Plaintext?.length, 32, 'length of the AES_256 data key');
    await expectOpens(t, out.CiphertextBlob!, out.Plaintext!, { ...context }, 'with the same context');
    await expectRefused(t, out.CiphertextBlob!, undefined);
    await expectRefused(t, out.CiphertextBlob!, { bucket: 'reports' });
  },
);
