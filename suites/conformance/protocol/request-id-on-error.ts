import { errorReplyCase, expectRequestId, HEADERS_DOC } from './_replies.js';
import { inferred } from '../_lib/sources.js';

export default errorReplyCase(
  {
    behaviour: 'request-id-on-error',
    title: 'An error reply has a non-empty x-amzn-RequestId header too',
    doc: HEADERS_DOC,
    source: inferred('request ids are shown on every KMS error in SDK traces (spec/aws-observed.md §10 X1); the header on an error reply is not recorded'),
  },
  expectRequestId,
);
