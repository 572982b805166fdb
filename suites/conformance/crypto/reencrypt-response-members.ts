import { SYMMETRIC_REENCRYPT_RESPONSE_MEMBERS } from '../../../common/reencrypt-response.js';
import { defineCase } from '../../../harness/conformance/case.js';
import { b64, expectRawOk, members } from '../_lib/support.js';
import { membersAsOf } from '../_lib/aws-profile.js';
import { givenCiphertext, givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'crypto.reencrypt-response-members',
  title: 'ReEncrypt answers exactly CiphertextBlob, KeyId, SourceKeyId, both algorithms (SYMMETRIC_DEFAULT) and both KeyMaterialIds',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html#API_ReEncrypt_ResponseSyntax',
  source: documented('service model: ReEncryptResponse (SourceKeyMaterialId, DestinationKeyMaterialId present for symmetric keys); the other members: spec/aws-observed.md §4.2 (LS-SNAP of 2025-06-09, which lacks the two KeyMaterialIds four days after the model added them) (KeyMaterialId, CurrentKeyMaterialId: aws-sdk-go-v2 service/kms CHANGELOG v1.39.0, 2025-06-05)'),
  tags: ['semantics'],
  ops: ['CreateKey', 'Encrypt', 'ReEncrypt'],
  async run(t) {
    const [source, destination] = await Promise.all([givenKey(t), givenKey(t)]);
    const blob = await givenCiphertext(t, source.KeyId, { plaintext: t.bytes(16) });
    const out = expectRawOk(t, await t.raw('ReEncrypt', { CiphertextBlob: b64(blob), DestinationKeyId: destination.KeyId }), 'ReEncrypt');
    t.expectEqual(members(out), membersAsOf(t, SYMMETRIC_REENCRYPT_RESPONSE_MEMBERS), 'ReEncrypt response members (no KeyMaterialIds before 2025-06-05)');
    t.expectEqual([out.SourceEncryptionAlgorithm, out.DestinationEncryptionAlgorithm], ['SYMMETRIC_DEFAULT', 'SYMMETRIC_DEFAULT'], 'the two algorithms');
  },
});
