/**
 * The "typical" key policy the authorization budget is measured with (issue 12: Encrypt under it
 * within 5 % of Encrypt under the default policy): the console's three statements — the account
 * root (delegation to IAM), key administrators, key users — with the key users' Allow conditioned
 * on `kms:EncryptionContext:tenant`. Used by the benchmarks (authz/bench.ts, the micro suite,
 * scripts/bench-server.ts), which sign as a session of the key users' role.
 *
 * @module
 */

export const TYPICAL_POLICY_TENANT = 'acme';

/** The three-statement policy for `account`, naming the roles `adminRole` and `appRole`. */
export function typicalKeyPolicy(account: string, adminRole = 'KeyAdmin', appRole = 'App'): object {
  return {
    Version: '2012-10-17',
    Id: 'key-consolepolicy-3',
    Statement: [
      { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'kms:*', Resource: '*' },
      {
        Sid: 'Allow access for Key Administrators',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${account}:role/${adminRole}` },
        Action: ['kms:Create*', 'kms:Describe*', 'kms:Enable*', 'kms:List*', 'kms:Put*', 'kms:Update*', 'kms:Revoke*', 'kms:Disable*', 'kms:Get*', 'kms:Delete*', 'kms:TagResource', 'kms:UntagResource', 'kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion'],
        Resource: '*',
      },
      {
        Sid: 'Allow use of the key',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${account}:role/${appRole}` },
        Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
        Resource: '*',
        Condition: { StringEquals: { 'kms:EncryptionContext:tenant': TYPICAL_POLICY_TENANT } },
      },
    ],
  };
}

/** The identity policy of the key users' role: what lets it through the default policy's delegation. */
export const TYPICAL_APP_IDENTITY_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey*'], Resource: 'arn:aws:kms:*:*:key/*' }],
} as const;
