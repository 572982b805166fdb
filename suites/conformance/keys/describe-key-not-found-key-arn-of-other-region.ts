import { keyArn, otherRegion } from '../_lib/support.js';
import { notFound } from './_describe-key-not-found.js';
import { givenKey } from '../_lib/prerequisites.js';
import { recorded } from '../_lib/sources.js';

export default notFound({
  behaviour: 'key-arn-of-other-region',
  title: 'a key ARN naming another Region: Invalid arn <that Region> (N9)',
  source: recorded('spec/aws-observed.md §1 N9 (LS-SNAP test_get_key_in_different_region)'),
  input: async (t) => {
    const key = await givenKey(t);
    const region = otherRegion(t);
    return { keyId: keyArn(t, key.KeyId, region), message: `Invalid arn ${region}` };
  },
});
