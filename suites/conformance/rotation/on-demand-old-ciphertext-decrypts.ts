import { DecryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { HOW_IT_WORKS_DOC, rotateOnDemand } from './_support.js';
import { givenCiphertext, givenKey } from '../_lib/prerequisites.js';

/** aws-observed.md C9; kms-facts.md: old backing keys are retained so old ciphertext still decrypts. */
export default defineCase({
  id: 'rotation.on-demand-old-ciphertext-decrypts',
  title: 'Ciphertext made before RotateKeyOnDemand still decrypts afterwards',
  doc: HOW_IT_WORKS_DOC,
  source: {
    kind: 'recorded',
    cite: 'spec/aws-observed.md §5 C9 (LS-TEST test_key_rotations_encryption_decryption) (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)',
    verifiedAt: '2026-12-07',
    since: '2024-04-12',
  },
  tags: ['rotation'],
  ops: ['CreateKey', 'Encrypt', 'RotateKeyOnDemand', 'GetKeyRotationStatus', 'Decrypt'],
  timeoutMs: 120_000,
  async run(t) {
    const key = await givenKey(t);
    const plaintext = t.bytes(64, 11);
    const CiphertextBlob = await givenCiphertext(t, key.KeyId, { plaintext, context: { v: 'old' } });
    await rotateOnDemand(t, key.KeyId);
    const out = await t.kms.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: { v: 'old' } }));
    t.expectEqual(Buffer.from(out.Plaintext!).toString('hex'), Buffer.from(plaintext).toString('hex'), 'plaintext of the pre-rotation ciphertext');
  },
});
