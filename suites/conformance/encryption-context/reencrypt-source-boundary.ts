import { sourceMismatchCase } from './_support.js';

/** The {ab:c} / {a:bc} boundary on ReEncrypt's decrypt half (kms-facts.md). */
export default sourceMismatchCase({
  behaviour: 'reencrypt-source-boundary',
  title: 'ReEncrypt refuses SourceEncryptionContext {a:"bc"} for a blob sealed under {ab:"c"}',
  sealedWith: { ab: 'c' },
  reEncryptedWith: { a: 'bc' },
});
