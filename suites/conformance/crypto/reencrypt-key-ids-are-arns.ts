import { CreateAliasCommand, DescribeKeyCommand, EncryptCommand, ReEncryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { settle, unthrottled } from '../_lib/support.js';

export default defineCase({
  id: 'crypto.reencrypt-key-ids-are-arns',
  title: 'ReEncrypt answers KeyId = destination key ARN and SourceKeyId = source key ARN, even when given aliases',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html#KMS-ReEncrypt-response-SourceKeyId',
  source: {
    kind: 'recorded',
    cite: 'spec/aws-observed.md §4.2 (ReEncrypt: KeyId and SourceKeyId are key ARNs, LS-SNAP 2025-06-09; EX ReEncrypt)',
    verifiedAt: '2025-06-09',
  },
  tags: ['semantics', 'aliases'],
  ops: ['CreateKey', 'CreateAlias', 'Encrypt', 'ReEncrypt'],
  async run(t) {
    const [source, destination] = await Promise.all([t.createKey(), t.createKey()]);
    const [sourceAlias, destinationAlias] = [t.aliasName('source'), t.aliasName('destination')];
    await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: sourceAlias, TargetKeyId: source.KeyId })));
    await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: destinationAlias, TargetKeyId: destination.KeyId })));
    for (const a of [sourceAlias, destinationAlias]) {
      await settle(() => t.kms.send(new DescribeKeyCommand({ KeyId: a })).catch((e: unknown) => e), (r) => !(r instanceof Error));
    }
    const enc = await t.kms.send(new EncryptCommand({ KeyId: source.KeyId, Plaintext: t.bytes(16) }));
    const out = await t.kms.send(
      new ReEncryptCommand({ CiphertextBlob: enc.CiphertextBlob, SourceKeyId: sourceAlias, DestinationKeyId: destinationAlias }),
    );
    t.expectEqual(out.KeyId, destination.Arn, 'ReEncrypt KeyId');
    t.expectEqual(out.SourceKeyId, source.Arn, 'ReEncrypt SourceKeyId');
  },
});
