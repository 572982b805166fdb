import { notFound } from './_describe-key-not-found.js';

export default notFound({
  behaviour: 'malformed-multi-region-key-id',
  title: "a malformed mrk- id: Invalid keyId 'mrk-fake-key-id' (N6)",
  source: {
    kind: 'recorded',
    cite: 'spec/aws-observed.md §1 N6 (LS-SNAP test_get_key_invalid_uuid)',
    verifiedAt: '2026-12-07',
  },
  input: () => ({ keyId: 'mrk-fake-key-id', message: "Invalid keyId 'mrk-fake-key-id'" }),
});
