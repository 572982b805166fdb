import { defineCase } from '../../../harness/conformance/case.js';
import { expectRawError } from '../_lib/support.js';

export default defineCase({
  id: 'protocol.unknown-operation',
  title: 'A signed call to TrentService.<an operation KMS does not have> is refused with UnknownOperationException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/CommonErrors.html#CommonErrors-UnknownOperationException',
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/CommonErrors.html#CommonErrors-UnknownOperationException (code; the status is not checked)',
    verifiedAt: '2026-12-07',
  },
  tags: ['protocol'],
  ops: ['ListKeys'],
  async run(t) {
    // Facts sheet: "Unknown target → UnknownOperationException" (P7: message not recorded; the generic
    // AWS error list gives 404, the facts sheet 400 for client errors: the status is not checked).
    expectRawError(t, await t.raw('KmsbenchNoSuchOperation', {}), { code: 'UnknownOperationException' }, 'the reply');
  },
});
