import { MRK_DOC, describeIn, mrkCase } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { recorded } from '../_lib/sources.js';

export default mrkCase({
  behaviour: 'single-region-no-configuration',
  title: 'A single-Region key: MultiRegion false and no MultiRegionConfiguration',
  doc: MRK_DOC,
  source: recorded('spec/aws-observed.md §4.1 (LS-SNAP test_non_multi_region_keys_should_not_have_multi_region_properties)', { verifiedAt: '2024-04-11' }),
  tags: ['semantics'],
  ops: ['CreateKey', 'DescribeKey'],
  async run(t) {
    const key = await givenKey(t);
    const md = await describeIn(t, t.kms, key.KeyId);
    t.expectEqual(md.MultiRegion, false, 'MultiRegion');
    t.check(md.MultiRegionConfiguration === undefined, 'no MultiRegionConfiguration', md);
  },
});
