import { defineCase } from '../../../harness/conformance/case.js';
import { createKeyRaw, expectRawOk } from '../_lib/support.js';
import { inferred } from '../_lib/sources.js';

export default defineCase({
  id: 'keys.describe-key-matches-create-key',
  title: 'DescribeKey of a new key returns the same KeyMetadata, member for member, as CreateKey did',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html#API_DescribeKey_ResponseElements',
  source: inferred('CreateKey and DescribeKey both answer the KeyMetadata of the same new key (service model: KeyMetadata; spec/aws-observed.md §4.1); not compared on AWS'),
  tags: ['semantics'],
  ops: ['CreateKey', 'DescribeKey'],
  async run(t) {
    const created = expectRawOk<{ KeyMetadata: Record<string, unknown> }>(t, await createKeyRaw(t, { Description: 'same both ways' }), 'CreateKey');
    // Two equal replies prove nothing unless they are key metadata (a broken target may answer both with the same junk).
    const md: unknown = created.KeyMetadata;
    t.check(typeof md === 'object' && md !== null && typeof (md as { KeyId?: unknown }).KeyId === 'string', 'CreateKey returned a KeyMetadata object with a KeyId', md);
    const described = expectRawOk<{ KeyMetadata: Record<string, unknown> }>(
      t,
      await t.raw('DescribeKey', { KeyId: created.KeyMetadata.KeyId }),
      'DescribeKey',
    );
    t.expectEqual(described.KeyMetadata, created.KeyMetadata, 'DescribeKey KeyMetadata vs CreateKey KeyMetadata');
  },
});
