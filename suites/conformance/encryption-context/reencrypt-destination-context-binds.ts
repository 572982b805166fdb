import { ReEncryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { expectOpens, expectRefused, sealed } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'encryption-context.reencrypt-destination-context-binds',
  title: 'The blob ReEncrypt returns opens only with its DestinationEncryptionContext',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html#KMS-ReEncrypt-request-DestinationEncryptionContext',
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html#KMS-ReEncrypt-request-DestinationEncryptionContext; the bare reply: spec/aws-observed.md §5 C1',
    verifiedAt: '2026-12-07',
  },
  tags: ['encryption-context'],
  ops: ['CreateKey', 'Encrypt', 'ReEncrypt', 'Decrypt'],
  async run(t) {
    const source = await givenKey(t);
    const destination = await givenKey(t);
    const plaintext = t.bytes(48);
    const blob = await sealed(t, source.KeyId, plaintext, { stage: 'source' });
    const out = await t.kms.send(
      new ReEncryptCommand({
        CiphertextBlob: blob,
        SourceEncryptionContext: { stage: 'source' },
        DestinationKeyId: destination.KeyId,
        DestinationEncryptionContext: { stage: 'destination', ab: 'c' },
      }),
    );
    const moved = out.CiphertextBlob!;
    await expectOpens(t, moved, plaintext, { ab: 'c', stage: 'destination' }, 'of the new blob with the destination context');
    await expectRefused(t, moved, { stage: 'source' });
    await expectRefused(t, moved, undefined);
    await expectRefused(t, moved, { stage: 'destination', a: 'bc' });
  },
});
