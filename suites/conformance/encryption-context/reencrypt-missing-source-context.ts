import { sourceMismatchCase } from './_support.js';

export default sourceMismatchCase({
  behaviour: 'reencrypt-missing-source-context',
  title: 'ReEncrypt without a SourceEncryptionContext refuses a blob sealed with one',
  sealedWith: { purpose: 'alpha' },
  reEncryptedWith: undefined,
});
