import { defineCase, type ConformanceCase } from '../../../harness/conformance/case.js';
import { expectRawError } from '../_lib/support.js';

const DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/CommonErrors.html#CommonErrors-UnknownOperationException';

const cases: ConformanceCase[] = [
  defineCase({
    id: 'protocol.unknown-operation',
    title: 'A signed call to TrentService.<an operation KMS does not have> is refused with UnknownOperationException',
    doc: DOC,
    tags: ['protocol'],
    ops: ['ListKeys'],
    async run(t) {
      // Facts sheet: "Unknown target → UnknownOperationException" (P7: message not recorded; the generic
      // AWS error list gives 404, the facts sheet 400 for client errors: the status is not checked).
      expectRawError(t, await t.raw('KmsbenchNoSuchOperation', {}), { code: 'UnknownOperationException' }, 'the reply');
    },
  }),
  defineCase({
    id: 'protocol.unknown-target-service',
    title: 'A signed call whose X-Amz-Target names another service prefix is refused with UnknownOperationException',
    doc: DOC,
    tags: ['protocol'],
    ops: ['ListKeys'],
    async run(t) {
      const reply = await t.raw('ListKeys', {}, { target: 'KmsbenchNoSuchService.ListKeys' });
      expectRawError(t, reply, { code: 'UnknownOperationException' }, 'the reply');
    },
  }),
];

export default cases;
