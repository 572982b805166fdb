import { mismatchCase } from './_support.js';
import { recorded } from '../_lib/sources.js';

/** aws-observed.md C1: Decrypt without the context used at Encrypt → bare InvalidCiphertextException. */
export default mismatchCase({
  behaviour: 'missing-on-decrypt',
  title: 'Decrypt without any context refuses a blob sealed with one',
  source: recorded('spec/aws-observed.md §5 C1 (LS-SNAP test_encrypt_decrypt_encryption_context)', { verifiedAt: '2025-09-22' }),
  sealedWith: { purpose: 'conformance', tenant: 't-0001' },
  openedWith: undefined,
});
