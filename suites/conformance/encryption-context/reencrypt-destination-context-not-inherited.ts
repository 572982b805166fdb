import { destinationContextCase, expectOpens, expectRefused } from './_support.js';
import { documented } from '../_lib/sources.js';

/** ReEncrypt encrypts with the DestinationEncryptionContext given — none means none, not the source's. */
export default destinationContextCase({
  behaviour: 'reencrypt-destination-context-not-inherited',
  title: 'Without a DestinationEncryptionContext the new blob has no context, not the source one',
  source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html#KMS-ReEncrypt-request-DestinationEncryptionContext (the context used to reencrypt is the one given)'),
  plaintextBytes: 16,
  destinationContext: undefined,
  async check(t, moved, plaintext) {
    await expectOpens(t, moved, plaintext, undefined, 'of the new blob without a context');
    await expectRefused(t, moved, { stage: 'source' });
  },
});
