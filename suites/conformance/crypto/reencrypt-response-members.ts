import { EncryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { b64, expectRawOk, members } from '../_lib/support.js';

/** Recorded on AWS (aws-observed.md §4.2, LS-SNAP test_re_encrypt, 2025-06-09). */
const RECORDED = ['CiphertextBlob', 'DestinationEncryptionAlgorithm', 'KeyId', 'SourceEncryptionAlgorithm', 'SourceKeyId'];
/** In the MODEL but not in that recording; allowed, not required. */
const MODEL_ONLY = ['DestinationKeyMaterialId', 'SourceKeyMaterialId'];

export default defineCase({
  id: 'crypto.reencrypt-response-members',
  title: 'ReEncrypt answers CiphertextBlob, KeyId, SourceKeyId and both algorithms (SYMMETRIC_DEFAULT), nothing else',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html#API_ReEncrypt_ResponseSyntax',
  source: {
    kind: 'documented',
    cite: 'service model: ReEncryptResponse (SourceKeyMaterialId, DestinationKeyMaterialId present for symmetric keys); members before 2025: spec/aws-observed.md §4.2 (KeyMaterialId, CurrentKeyMaterialId: aws-sdk-go-v2 service/kms CHANGELOG v1.39.0, 2025-06-05)',
    verifiedAt: '2026-12-07',
    since: '2025-06-05',
  },
  tags: ['semantics'],
  ops: ['CreateKey', 'Encrypt', 'ReEncrypt'],
  async run(t) {
    const [source, destination] = await Promise.all([t.createKey(), t.createKey()]);
    const enc = await t.kms.send(new EncryptCommand({ KeyId: source.KeyId, Plaintext: t.bytes(16) }));
    const out = expectRawOk(t, await t.raw('ReEncrypt', { CiphertextBlob: b64(enc.CiphertextBlob!), DestinationKeyId: destination.KeyId }), 'ReEncrypt');
    const got = members(out);
    for (const m of RECORDED) t.check(got.includes(m), `ReEncrypt answers ${m}`, got);
    for (const m of got) t.check(RECORDED.includes(m) || MODEL_ONLY.includes(m), `ReEncrypt member ${m} is a documented one`, got);
    t.expectEqual([out.SourceEncryptionAlgorithm, out.DestinationEncryptionAlgorithm], ['SYMMETRIC_DEFAULT', 'SYMMETRIC_DEFAULT'], 'the two algorithms');
  },
});
