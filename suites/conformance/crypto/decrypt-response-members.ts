import { b64, expectRawOk, members } from '../_lib/support.js';
import { membersAsOf } from '../_lib/aws-profile.js';
import { givenCiphertext } from '../_lib/prerequisites.js';
import { keyCase } from './_support.js';
import { recorded } from '../_lib/sources.js';

export default keyCase(
  {
    behaviour: 'decrypt-response-members',
    title: 'Decrypt answers exactly {EncryptionAlgorithm, KeyId, KeyMaterialId, Plaintext} on the wire',
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#API_Decrypt_ResponseSyntax',
    source: recorded('spec/aws-observed.md §4.2 (Decrypt, LS-SNAP re-recorded 2025-09-22) (KeyMaterialId, CurrentKeyMaterialId: aws-sdk-go-v2 service/kms CHANGELOG v1.39.0, 2025-06-05)', { verifiedAt: '2025-09-22' }),
    ops: ['Encrypt', 'Decrypt'],
  },
  async (t, key) => {
    // aws-observed.md §4.2: KeyMaterialId is new in 2025 (LS-SNAP, recorded 2025-09-22).
    const blob = await givenCiphertext(t, key.KeyId, { plaintext: t.bytes(24) });
    const out = expectRawOk(t, await t.raw('Decrypt', { CiphertextBlob: b64(blob) }), 'Decrypt');
    // Before 2025-06-05 (the --aws-as-of profile) AWS answered no KeyMaterialId.
    t.expectEqual(members(out), membersAsOf(t, ['EncryptionAlgorithm', 'KeyId', 'KeyMaterialId', 'Plaintext']), 'Decrypt response members');
    t.expectEqual(out.EncryptionAlgorithm, 'SYMMETRIC_DEFAULT', 'EncryptionAlgorithm');
  },
);
