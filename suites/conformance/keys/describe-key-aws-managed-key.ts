import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { keyArn } from '../_lib/support.js';
import { recorded } from '../_lib/sources.js';

export default defineCase({
  id: 'keys.describe-key-aws-managed-key',
  title: 'DescribeKey of alias/aws/s3 answers with an enabled AWS managed key (KeyManager AWS), creating it on first use',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html#API_DescribeKey_RequestParameters',
  source: recorded('spec/aws-observed.md §11 M1, M3 (real CLI output; service model: DescribeKey doc on predefined AWS aliases)'),
  tags: ['semantics', 'aliases'],
  ops: ['DescribeKey'],
  async run(t) {
    // aws-observed.md M1, M3; MODEL DescribeKey: "If you call the DescribeKey operation on a
    // predefined AWS alias ... KMS creates an AWS managed key."
    const m = (await t.kms.send(new DescribeKeyCommand({ KeyId: 'alias/aws/s3' }))).KeyMetadata;
    t.expectEqual(
      {
        KeyManager: m?.KeyManager,
        Origin: m?.Origin,
        KeyUsage: m?.KeyUsage,
        KeySpec: m?.KeySpec,
        KeyState: m?.KeyState,
        Enabled: m?.Enabled,
        AWSAccountId: m?.AWSAccountId,
      },
      { KeyManager: 'AWS', Origin: 'AWS_KMS', KeyUsage: 'ENCRYPT_DECRYPT', KeySpec: 'SYMMETRIC_DEFAULT', KeyState: 'Enabled', Enabled: true, AWSAccountId: t.account },
      'AWS managed key metadata',
    );
    t.expectEqual(m?.Arn, keyArn(t, String(m?.KeyId)), 'Arn of the AWS managed key');
  },
});
