import { sourceMismatchCase } from './_support.js';

/** aws-observed.md C1 family; reference-impl crypto.test "refuses a wrong source context". */
export default sourceMismatchCase({
  behaviour: 'reencrypt-wrong-source-context',
  title: 'ReEncrypt refuses a SourceEncryptionContext that differs from the sealing context',
  sealedWith: { purpose: 'alpha' },
  reEncryptedWith: { purpose: 'bravo' },
  control: true,
});
