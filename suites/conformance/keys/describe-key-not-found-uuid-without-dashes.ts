import { notFound } from './_describe-key-not-found.js';

export default notFound({
  behaviour: 'uuid-without-dashes',
  title: "a UUID without its dashes: Invalid keyId '<text>' (N5)",
  source: {
    kind: 'recorded',
    cite: 'spec/aws-observed.md §1 N5 (LS-SNAP test_get_key_invalid_uuid)',
    verifiedAt: '2026-12-07',
  },
  input: () => ({ keyId: '134f2428cec14b25a1ae9048164dba47', message: "Invalid keyId '134f2428cec14b25a1ae9048164dba47'" }),
});
