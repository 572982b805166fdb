import { EncryptCommand } from '@aws-sdk/client-kms';
import { contextCase, ENCRYPT_CONTEXT_DOC, expectOpens, expectRefused } from './_support.js';
import { inferred } from '../_lib/sources.js';
import { outcomeOf } from '../../../harness/client/service-error.js';

/**
 * Whether AWS accepts an empty-string context value is not recorded (spec/aws-observed.md has no
 * source either way; some users report it refused). Both answers pass here; what must never happen
 * is that an empty value is accepted and then treated like a missing pair or a one-space value.
 */
export default contextCase(
  {
    behaviour: 'empty-string-value',
    title: 'An empty-string value, if accepted, is bound: neither its absence nor " " opens the blob',
    doc: ENCRYPT_CONTEXT_DOC,
    source: inferred('whether AWS accepts an empty value is not recorded (spec/aws-observed.md §5): either answer passes, but an accepted empty value must be bound'),
  },
  async (t, key) => {
    const plaintext = t.bytes(16);
    const context = { note: '', purpose: 'conformance' };
    const ended = await outcomeOf(t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: plaintext, EncryptionContext: context })));
    if (ended.refusal) {
      t.expectEqual(ended.refusal.code, 'ValidationException', 'error code when the empty value is refused');
      t.expectEqual(ended.refusal.status, 400, 'HTTP status when the empty value is refused');
      return;
    }
    const blob = ended.out.CiphertextBlob!;
    await expectOpens(t, blob, plaintext, { ...context }, 'with the empty value given');
    await expectRefused(t, blob, { purpose: 'conformance' });
    await expectRefused(t, blob, { note: ' ', purpose: 'conformance' });
  },
);
