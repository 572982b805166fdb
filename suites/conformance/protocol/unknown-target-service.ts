import { defineCase } from '../../../harness/conformance/case.js';
import { expectRawError } from '../_lib/support.js';

export default defineCase({
  id: 'protocol.unknown-target-service',
  title: 'A signed call whose X-Amz-Target names another service prefix is refused with UnknownOperationException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/CommonErrors.html#CommonErrors-UnknownOperationException',
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/CommonErrors.html#CommonErrors-UnknownOperationException (code; the status is not checked)',
    verifiedAt: '2026-12-07',
  },
  tags: ['protocol'],
  ops: ['ListKeys'],
  async run(t) {
    const reply = await t.raw('ListKeys', {}, { target: 'KmsbenchNoSuchService.ListKeys' });
    expectRawError(t, reply, { code: 'UnknownOperationException' }, 'the reply');
  },
});
