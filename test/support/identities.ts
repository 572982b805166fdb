/**
 * Principals for the in-process authorization tests: the default root `test`/`test` of account
 * 111122223333, two role sessions there (alice, whose identity policy allows every KMS action; bob,
 * with none), and account 444455556666's root and a role session carol whose identity policy
 * allows Encrypt, Decrypt and DescribeKey only.
 *
 * Test-only (under test/).
 *
 * @module
 */
import type { CredentialsFileInput } from '../../reference-impl/auth/credentials-file.js';

export const OTHER_ACCOUNT = '444455556666';

const session = (account: string, role: string) => `arn:aws:sts::${account}:assumed-role/${role}/test-session`;

export const IDENTITIES = {
  alice: { accessKeyId: 'ASIAALICE0000000001', secretAccessKey: 'alice-secret', sessionToken: 'alice-token', arn: session('111122223333', 'alice'), role: 'arn:aws:iam::111122223333:role/alice' },
  bob: { accessKeyId: 'ASIABOB00000000001', secretAccessKey: 'bob-secret', sessionToken: 'bob-token', arn: session('111122223333', 'bob'), role: 'arn:aws:iam::111122223333:role/bob' },
  otherRoot: { accessKeyId: 'AKIAOTHERROOT00001', secretAccessKey: 'other-secret', arn: `arn:aws:iam::${OTHER_ACCOUNT}:root`, role: `arn:aws:iam::${OTHER_ACCOUNT}:root` },
  carol: { accessKeyId: 'ASIACAROL000000001', secretAccessKey: 'carol-secret', sessionToken: 'carol-token', arn: session(OTHER_ACCOUNT, 'carol'), role: `arn:aws:iam::${OTHER_ACCOUNT}:role/carol` },
} as const;

const keys = (i: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }) => [
  { accessKeyId: i.accessKeyId, secretAccessKey: i.secretAccessKey, ...(i.sessionToken ? { sessionToken: i.sessionToken } : {}) },
];

export const IDENTITIES_CONFIG: CredentialsFileInput = {
  accounts: [
    {
      accountId: '111122223333',
      principals: [
        {
          arn: IDENTITIES.alice.arn,
          accessKeys: keys(IDENTITIES.alice),
          policies: [{ Version: '2012-10-17', Statement: [{ Sid: 'KmsAll', Effect: 'Allow', Action: 'kms:*', Resource: '*' }] }],
        },
        { arn: IDENTITIES.bob.arn, accessKeys: keys(IDENTITIES.bob) },
      ],
    },
    {
      accountId: OTHER_ACCOUNT,
      principals: [
        { arn: IDENTITIES.otherRoot.arn, accessKeys: keys(IDENTITIES.otherRoot) },
        {
          arn: IDENTITIES.carol.arn,
          accessKeys: keys(IDENTITIES.carol),
          policies: [{ Version: '2012-10-17', Statement: [{ Sid: 'UseKeys', Effect: 'Allow', Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:DescribeKey'], Resource: '*' }] }],
        },
      ],
    },
  ],
};
