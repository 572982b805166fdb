import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { inferred } from '../_lib/sources.js';

export default defineCase({
  id: 'keys.describe-key-unknown-aws-alias',
  title: 'DescribeKey of an alias/aws/ name that is no predefined AWS alias is NotFoundException, no key is made for it',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html#API_DescribeKey_Errors',
  source: inferred('service model: DescribeKey doc (only predefined AWS aliases get an AWS managed key); NotFoundException as for any unknown alias (spec/aws-observed.md §1 N11), code only'),
  tags: ['semantics', 'aliases'],
  ops: ['DescribeKey'],
  async run(t) {
    // Only predefined AWS aliases get an AWS managed key on first use (DescribeKey doc); no AWS
    // service is called "kmsbench-no-such-service". Message not recorded for alias/aws/ names.
    await t.expectError(t.kms.send(new DescribeKeyCommand({ KeyId: 'alias/aws/kmsbench-no-such-service' })), {
      code: 'NotFoundException',
      status: 400,
    });
  },
});
