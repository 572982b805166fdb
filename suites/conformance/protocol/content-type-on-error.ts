import { errorReplyCase, expectJsonContentType, HEADERS_DOC } from './_replies.js';
import { inferred } from '../_lib/sources.js';

export default errorReplyCase(
  {
    behaviour: 'content-type-on-error',
    title: 'An error reply is Content-Type application/x-amz-json-1.1 too',
    doc: HEADERS_DOC,
    source: inferred('the success example\'s Content-Type (spec/aws-observed.md §0); the header on an error reply is not recorded'),
  },
  expectJsonContentType,
);
