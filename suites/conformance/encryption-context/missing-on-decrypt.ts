import { mismatchCase } from './_support.js';

/** aws-observed.md C1: Decrypt without the context used at Encrypt → bare InvalidCiphertextException. */
export default mismatchCase({
  behaviour: 'missing-on-decrypt',
  title: 'Decrypt without any context refuses a blob sealed with one',
  sealedWith: { purpose: 'conformance', tenant: 't-0001' },
  openedWith: undefined,
});
