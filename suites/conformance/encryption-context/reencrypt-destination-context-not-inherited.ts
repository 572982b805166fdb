import { ReEncryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { expectOpens, expectRefused, sealed } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';

/** ReEncrypt encrypts with the DestinationEncryptionContext given — none means none, not the source's. */
export default defineCase({
  id: 'encryption-context.reencrypt-destination-context-not-inherited',
  title: 'Without a DestinationEncryptionContext the new blob has no context, not the source one',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html#KMS-ReEncrypt-request-DestinationEncryptionContext',
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html#KMS-ReEncrypt-request-DestinationEncryptionContext (the context used to reencrypt is the one given)',
    verifiedAt: '2026-12-07',
  },
  tags: ['encryption-context'],
  ops: ['CreateKey', 'Encrypt', 'ReEncrypt', 'Decrypt'],
  async run(t) {
    const source = await givenKey(t);
    const destination = await givenKey(t);
    const plaintext = t.bytes(16);
    const blob = await sealed(t, source.KeyId, plaintext, { stage: 'source' });
    const out = await t.kms.send(
      new ReEncryptCommand({ CiphertextBlob: blob, SourceEncryptionContext: { stage: 'source' }, DestinationKeyId: destination.KeyId }),
    );
    await expectOpens(t, out.CiphertextBlob!, plaintext, undefined, 'of the new blob without a context');
    await expectRefused(t, out.CiphertextBlob!, { stage: 'source' });
  },
});
