import { notFound } from './_describe-key-not-found.js';
import { recorded } from '../_lib/sources.js';

export default notFound({
  behaviour: 'uuid-without-dashes',
  title: "a UUID without its dashes: Invalid keyId '<text>' (N5)",
  source: recorded('spec/aws-observed.md §1 N5 (LS-SNAP test_get_key_invalid_uuid)'),
  input: () => ({ keyId: '134f2428cec14b25a1ae9048164dba47', message: "Invalid keyId '134f2428cec14b25a1ae9048164dba47'" }),
});
