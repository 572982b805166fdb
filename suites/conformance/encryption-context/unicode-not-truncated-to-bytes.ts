import { mismatchCase } from './_support.js';

/** "Ł" is U+0141: an encoder that keeps only the low byte of each UTF-16 unit (Latin-1) turns it into "A". */
export default mismatchCase({
  behaviour: 'unicode-not-truncated-to-bytes',
  title: 'Decrypt refuses "Aodz" for a value sealed as "\u0141odz" (no Latin-1 truncation)',
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-request-EncryptionContext (an exact, case-sensitive match); the bare reply: spec/aws-observed.md §5 C1',
    verifiedAt: '2026-12-07',
  },
  sealedWith: { city: '\u0141odz' },
  openedWith: { city: 'Aodz' },
});
