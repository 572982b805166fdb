import { b64, expectRawOk, members } from '../_lib/support.js';
import { keyCase } from './_support.js';
import { recorded } from '../_lib/sources.js';

export default keyCase(
  {
    behaviour: 'encrypt-response-members',
    title: 'Encrypt answers exactly {CiphertextBlob, EncryptionAlgorithm, KeyId} on the wire (no KeyMaterialId)',
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html#API_Encrypt_ResponseSyntax',
    source: recorded('spec/aws-observed.md §4.2 (Encrypt, LS-SNAP re-recorded 2025-09-22: no KeyMaterialId; the model dropped it on 2025-06-06)', { verifiedAt: '2025-09-22' }),
    ops: ['Encrypt'],
  },
  async (t, key) => {
    // aws-observed.md §4.2, LS-SNAP test_encrypt_decrypt_encryption_context (re-recorded 2025-09-22).
    const out = expectRawOk(t, await t.raw('Encrypt', { KeyId: key.KeyId, Plaintext: b64(t.bytes(32)) }), 'Encrypt');
    t.expectEqual(members(out), ['CiphertextBlob', 'EncryptionAlgorithm', 'KeyId'], 'Encrypt response members');
    t.expectEqual(out.EncryptionAlgorithm, 'SYMMETRIC_DEFAULT', 'EncryptionAlgorithm');
  },
);
