import { unknownOperationCase } from './_replies.js';

/**
 * Facts sheet: "Unknown target → UnknownOperationException" (P7: message not recorded; the generic
 * AWS error list gives 404, the facts sheet 400 for client errors: the status is not checked).
 */
export default unknownOperationCase(
  {
    behaviour: 'unknown-operation',
    title: 'A signed call to TrentService.<an operation KMS does not have> is refused with UnknownOperationException',
  },
  (t) => t.raw('KmsbenchNoSuchOperation', {}),
);
