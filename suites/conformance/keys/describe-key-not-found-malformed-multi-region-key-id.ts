import { notFound } from './_describe-key-not-found.js';
import { recorded } from '../_lib/sources.js';

export default notFound({
  behaviour: 'malformed-multi-region-key-id',
  title: "a malformed mrk- id: Invalid keyId 'mrk-fake-key-id' (N6)",
  source: recorded('spec/aws-observed.md §1 N6 (LS-SNAP test_get_key_invalid_uuid)'),
  input: () => ({ keyId: 'mrk-fake-key-id', message: "Invalid keyId 'mrk-fake-key-id'" }),
});
