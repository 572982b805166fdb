import { ReEncryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { givenAlias, givenCiphertext, givenKey } from '../_lib/prerequisites.js';
import { recorded } from '../_lib/sources.js';

export default defineCase({
  id: 'crypto.reencrypt-key-ids-are-arns',
  title: 'ReEncrypt answers KeyId = destination key ARN and SourceKeyId = source key ARN, even when given aliases',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html#KMS-ReEncrypt-response-SourceKeyId',
  source: recorded('spec/aws-observed.md §4.2 (ReEncrypt: KeyId and SourceKeyId are key ARNs, LS-SNAP 2025-06-09; EX ReEncrypt)', { verifiedAt: '2025-06-09' }),
  tags: ['semantics', 'aliases'],
  ops: ['CreateKey', 'CreateAlias', 'Encrypt', 'ReEncrypt'],
  async run(t) {
    const [source, destination] = await Promise.all([givenKey(t), givenKey(t)]);
    const sourceAlias = await givenAlias(t, source.KeyId, { name: t.aliasName('source'), wait: true });
    const destinationAlias = await givenAlias(t, destination.KeyId, { name: t.aliasName('destination'), wait: true });
    const blob = await givenCiphertext(t, source.KeyId, { plaintext: t.bytes(16) });
    const out = await t.kms.send(
      new ReEncryptCommand({ CiphertextBlob: blob, SourceKeyId: sourceAlias, DestinationKeyId: destinationAlias }),
    );
    t.expectEqual(out.KeyId, destination.Arn, 'ReEncrypt KeyId');
    t.expectEqual(out.SourceKeyId, source.Arn, 'ReEncrypt SourceKeyId');
  },
});
