/**
 * The identities the policy and grant cases sign with, besides the run's own credentials: part
 * of the suite's contract with a target (suites/README.md "Identities").
 *
 * | name | what it must be | identity policies it must have |
 * |---|---|---|
 * | `alice` | an IAM role (or user) in the run's account | allows `kms:*` on `*` |
 * | `bob` | another IAM role (or user) in the run's account | no KMS permission at all |
 * | `other-account-root` | the root user of a second account | (root: every IAM permission of its account) |
 * | `other-account-user` | an IAM role (or user) in the second account | allows exactly `kms:Encrypt`, `kms:Decrypt`, `kms:DescribeKey` on `*` |
 *
 * The embedded reference server is started with these (its credentials option); any other
 * endpoint gets them from `--identities FILE` (or `KMSBENCH_IDENTITIES=FILE`): for each name the
 * access key, secret, optional session token, and `arn` — the ARN a key policy names to mean
 * that principal (the role's or user's ARN, `arn:aws:iam::ACCOUNT:root` for the root).
 * Without them the cases that need them are skipped (capability `identities`).
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Credentials } from '../client/sign.js';
import { TargetError } from './errors.js';

export const IDENTITY_NAMES = ['alice', 'bob', 'other-account-root', 'other-account-user'] as const;
export type IdentityName = (typeof IDENTITY_NAMES)[number];

export interface Identity {
  credentials: Credentials;
  /** The ARN a key policy or a grant names to mean this principal. */
  arn: string;
  /** Its account (from the ARN). */
  account: string;
}

export type Identities = Readonly<Record<IdentityName, Identity>>;

const IdentitySchema = z.strictObject({
  accessKeyId: z.string().min(1),
  secretAccessKey: z.string().min(1),
  sessionToken: z.string().min(1).optional(),
  arn: z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:(root|user\/.+|role\/.+)$/, 'arn must be an IAM user, role or root ARN'),
});

const FileSchema = z.strictObject(Object.fromEntries(IDENTITY_NAMES.map((n) => [n, IdentitySchema])) as Record<IdentityName, typeof IdentitySchema>);

const accountOf = (arn: string): string => arn.split(':')[4]!;

/** Validates an identities file's content. @throws TargetError naming every problem. */
export function parseIdentities(json: unknown, source = 'identities'): Identities {
  const r = FileSchema.safeParse(json);
  if (!r.success) throw new TargetError(`invalid ${source}:\n${z.prettifyError(r.error)}`);
  const out = {} as Record<IdentityName, Identity>;
  for (const name of IDENTITY_NAMES) {
    const i = r.data[name];
    out[name] = {
      credentials: { accessKeyId: i.accessKeyId, secretAccessKey: i.secretAccessKey, ...(i.sessionToken ? { sessionToken: i.sessionToken } : {}) },
      arn: i.arn,
      account: accountOf(i.arn),
    };
  }
  if (out.alice.account !== out.bob.account) throw new TargetError(`invalid ${source}: alice and bob must be in the same account (the run's)`);
  if (out['other-account-root'].account !== out['other-account-user'].account || out['other-account-root'].account === out.alice.account) {
    throw new TargetError(`invalid ${source}: other-account-root and other-account-user must be in one account other than alice's`);
  }
  return out;
}

export function loadIdentities(path: string): Identities {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new TargetError(`cannot read identities file ${path}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new TargetError(`identities file ${path} is not valid JSON: ${(e as Error).message}`);
  }
  return parseIdentities(json, `identities file ${path}`);
}

/** The second account of the embedded server's identities. */
export const EMBEDDED_OTHER_ACCOUNT = '444455556666';

const roleSession = (account: string, role: string) => `arn:aws:sts::${account}:assumed-role/${role}/kmsbench-conformance`;

const EMBEDDED = {
  alice: { accessKeyId: 'ASIAKMSBENCHALICE001', secretAccessKey: 'kmsbench-alice-secret', sessionToken: 'kmsbench-alice-session', role: 'alice' },
  bob: { accessKeyId: 'ASIAKMSBENCHBOB00001', secretAccessKey: 'kmsbench-bob-secret', sessionToken: 'kmsbench-bob-session', role: 'bob' },
  'other-account-root': { accessKeyId: 'AKIAKMSBENCHOTHER001', secretAccessKey: 'kmsbench-other-root-secret' },
  'other-account-user': { accessKeyId: 'ASIAKMSBENCHOTHERU01', secretAccessKey: 'kmsbench-other-user-secret', sessionToken: 'kmsbench-other-user-session', role: 'user' },
} as const;

/**
 * The identities of the embedded server whose default account is `account`, and the credentials
 * configuration (reference-impl/auth/credentials.ts file format) that makes the server know them.
 */
export function embeddedIdentities(account: string): { identities: Identities; serverCredentials: object } {
  const other = EMBEDDED_OTHER_ACCOUNT;
  const kmsAll = { Version: '2012-10-17', Statement: [{ Sid: 'KmsAll', Effect: 'Allow', Action: 'kms:*', Resource: '*' }] };
  const useOnly = { Version: '2012-10-17', Statement: [{ Sid: 'UseKeys', Effect: 'Allow', Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:DescribeKey'], Resource: '*' }] };
  const e = EMBEDDED;
  const identity = (c: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }, arn: string): Identity => ({
    credentials: { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}) },
    arn,
    account: accountOf(arn),
  });
  const principal = (c: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }, arn: string, policies: object[] = []) => ({
    arn,
    accessKeys: [{ accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}) }],
    policies,
  });
  return {
    identities: {
      alice: identity(e.alice, `arn:aws:iam::${account}:role/${e.alice.role}`),
      bob: identity(e.bob, `arn:aws:iam::${account}:role/${e.bob.role}`),
      'other-account-root': identity(e['other-account-root'], `arn:aws:iam::${other}:root`),
      'other-account-user': identity(e['other-account-user'], `arn:aws:iam::${other}:role/${e['other-account-user'].role}`),
    },
    serverCredentials: {
      accounts: [
        { accountId: account, principals: [principal(e.alice, roleSession(account, e.alice.role), [kmsAll]), principal(e.bob, roleSession(account, e.bob.role))] },
        {
          accountId: other,
          principals: [
            principal(e['other-account-root'], `arn:aws:iam::${other}:root`),
            principal(e['other-account-user'], roleSession(other, e['other-account-user'].role), [useOnly]),
          ],
        },
      ],
    },
  };
}
