import { expectDecrypts, HOW_IT_WORKS_DOC } from './_support.js';
import { givenCiphertext } from '../_lib/prerequisites.js';
import { onDemandCase } from './_on-demand.js';
import { recorded } from '../_lib/sources.js';

/** aws-observed.md C9; kms-facts.md: old backing keys are retained so old ciphertext still decrypts. */
export default onDemandCase<{ plaintext: Uint8Array; CiphertextBlob: Uint8Array | undefined }>({
  behaviour: 'old-ciphertext-decrypts',
  title: 'Ciphertext made before RotateKeyOnDemand still decrypts afterwards',
  doc: HOW_IT_WORKS_DOC,
  source: recorded('spec/aws-observed.md §5 C9 (LS-TEST test_key_rotations_encryption_decryption) (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)', { since: '2024-04-12' }),
  ops: ['CreateKey', 'Encrypt', 'RotateKeyOnDemand', 'GetKeyRotationStatus', 'Decrypt'],
  async before(t, key) {
    const plaintext = t.bytes(64, 11);
    return { plaintext, CiphertextBlob: await givenCiphertext(t, key.KeyId, { plaintext, context: { v: 'old' } }) };
  },
  async after(t, _key, { plaintext, CiphertextBlob }) {
    await expectDecrypts(t, CiphertextBlob, plaintext, 'pre-rotation', { v: 'old' });
  },
});
