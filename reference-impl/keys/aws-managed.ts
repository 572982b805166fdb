/**
 * AWS managed keys: the keys behind the predefined `alias/aws/<service>` aliases, which KMS
 * creates in an account the first time the alias is used.
 *
 * @module
 */

/** Predefined AWS aliases (names after `alias/aws/`) that KMS lists in every account. */
export const AWS_MANAGED_SERVICES = [
  'acm',
  'backup',
  'codecommit',
  'dynamodb',
  'ebs',
  'elasticfilesystem',
  'es',
  'glue',
  'kinesis',
  'kinesisvideo',
  'lambda',
  'lightsail',
  'rds',
  'redshift',
  's3',
  'secretsmanager',
  'sns',
  'sqs',
  'ssm',
  'xray',
] as const;

export const AWS_ALIAS_PREFIX = 'alias/aws/';

export const isAwsManagedAliasName = (aliasName: string): boolean =>
  aliasName.startsWith(AWS_ALIAS_PREFIX) && aliasName.length > AWS_ALIAS_PREFIX.length;

const serviceOf = (aliasName: string): string => aliasName.slice(AWS_ALIAS_PREFIX.length);

export function awsManagedKeyDescription(aliasName: string): string {
  return `Default key that protects my ${serviceOf(aliasName)} data when no other key is defined`;
}

/** Key policy of an AWS managed key: the account may use it through the service; only AWS manages it. */
export function awsManagedKeyPolicy(account: string, aliasName: string): string {
  const service = serviceOf(aliasName);
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Id: `auto-${service}-1`,
      Statement: [
        {
          Sid: `Allow access through ${service} for all principals in the account that are authorized to use ${service}`,
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:CreateGrant', 'kms:DescribeKey'],
          Resource: '*',
          Condition: { StringEquals: { 'kms:CallerAccount': account } },
        },
        {
          Sid: 'Allow direct access to key metadata to the account',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${account}:root` },
          Action: ['kms:Describe*', 'kms:Get*', 'kms:List*'],
          Resource: '*',
        },
      ],
    },
    null,
    2,
  );
}
