import { notFound } from './_describe-key-not-found.js';
import { recorded } from '../_lib/sources.js';

export default notFound({
  behaviour: 'malformed-key-id',
  title: "a key id that is not a UUID: Invalid keyId 'fake-key-id' (N4)",
  source: recorded('spec/aws-observed.md §1 N4 (LS-SNAP test_get_key_invalid_uuid)'),
  input: () => ({ keyId: 'fake-key-id', message: "Invalid keyId 'fake-key-id'" }),
});
