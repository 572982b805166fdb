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

const PREDEFINED = new Set<string>(AWS_MANAGED_SERVICES.map((s) => `${AWS_ALIAS_PREFIX}${s}`));

/** A predefined AWS alias (`alias/aws/<service>` for a service that has one); others do not exist. */
export const isAwsManagedAliasName = (aliasName: string): boolean => PREDEFINED.has(aliasName);

const serviceOf = (aliasName: string): string => aliasName.slice(AWS_ALIAS_PREFIX.length);

/**
 * How AWS names a service in its managed keys: the short name used in the key policy's Sid and
 * what "my <...>" the key protects in its description. Entries are observed (aws-observed.md M2,
 * M4: "S3 objects", "SSM parameters", "RDS database volumes", "Lambda functions", "Backup data",
 * "EFS filesystems", "EBS volumes", "Glue data"); other services fall back to
 * `<service>` / `<service> data` (INFERRED).
 */
const SERVICE_NAMES: Readonly<Record<string, { short: string; protects: string; via?: string }>> = {
  s3: { short: 'S3', protects: 'S3 objects' },
  ssm: { short: 'SSM', protects: 'SSM parameters' },
  rds: { short: 'RDS', protects: 'RDS database volumes' },
  lambda: { short: 'Lambda', protects: 'Lambda functions' },
  backup: { short: 'Backup', protects: 'Backup data' },
  elasticfilesystem: { short: 'EFS', protects: 'EFS filesystems' },
  // EBS calls KMS as EC2 (INFERRED: kms:ViaService ec2.<region>.amazonaws.com).
  ebs: { short: 'EBS', protects: 'EBS volumes', via: 'ec2' },
  glue: { short: 'Glue', protects: 'Glue data' },
};

const namesOf = (service: string): { short: string; protects: string; via?: string } =>
  SERVICE_NAMES[service] ?? { short: service, protects: `${service} data` };

/** Current form observed on AWS (M2): `Default key that protects my <X> when no other key is defined`. */
export function awsManagedKeyDescription(aliasName: string): string {
  return `Default key that protects my ${namesOf(serviceOf(aliasName)).protects} when no other key is defined`;
}

/**
 * Key policy of an AWS managed key (aws-observed.md M4, as observed for aws/s3): any principal of
 * the account may use it through the service (`kms:ViaService` + `kms:CallerAccount`); the
 * account root may only describe, get and list. Nobody may manage it.
 */
export function awsManagedKeyPolicy(account: string, region: string, aliasName: string): string {
  const service = serviceOf(aliasName);
  const { short, via = service } = namesOf(service);
  // The observed aws/s3 policy has no kms:CreateGrant; other services' keys are used through grants.
  const use = ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'];
  if (service !== 's3') use.push('kms:CreateGrant');
  use.push('kms:DescribeKey');
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Id: `auto-${service}-1`,
      Statement: [
        {
          Sid: `Allow access through ${short} for all principals in the account that are authorized to use ${short}`,
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: use,
          Resource: '*',
          Condition: { StringEquals: { 'kms:ViaService': `${via}.${region}.amazonaws.com`, 'kms:CallerAccount': account } },
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
