import { destinationContextCase, expectOpens, expectRefused } from './_support.js';
import { documented } from '../_lib/sources.js';

export default destinationContextCase({
  behaviour: 'reencrypt-destination-context-binds',
  title: 'The blob ReEncrypt returns opens only with its DestinationEncryptionContext',
  source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html#KMS-ReEncrypt-request-DestinationEncryptionContext; the bare reply: spec/aws-observed.md §5 C1'),
  plaintextBytes: 48,
  destinationContext: { stage: 'destination', ab: 'c' },
  async check(t, moved, plaintext) {
    await expectOpens(t, moved, plaintext, { ab: 'c', stage: 'destination' }, 'of the new blob with the destination context');
    await expectRefused(t, moved, { stage: 'source' });
    await expectRefused(t, moved, undefined);
    await expectRefused(t, moved, { stage: 'destination', a: 'bc' });
  },
});
