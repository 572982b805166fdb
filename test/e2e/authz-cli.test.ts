/**
 * Issue 12, end to end: the unmodified AWS CLI (`aws kms ... --endpoint-url`) against
 * `kmsbench serve --credentials FILE` sees key policies and grants enforced for the principal
 * that signed each request — a Deny statement; a Deny conditioned on the encryption context and
 * its allowed twin; a malformed policy refused; grants created, listed, used with the grantee's
 * own credentials and revoked; cross-account use allowed only when the key policy and the
 * caller's identity policy agree.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCOUNT,
  AWS_CLI,
  awsCliEnv,
  awsCliVersion,
  DIST_BUILT,
  killAllServers,
  NOT_BUILT_REASON,
  removeTempDirs,
  runCommand,
  startServe,
  tempDir,
  type CliResult,
  type ServerProcess,
} from './harness.js';

const hasAwsCli = (await awsCliVersion()) !== undefined;

const OTHER = '444455556666';
const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const BOB_ROLE = `arn:aws:iam::${ACCOUNT}:role/bob`;
const IDS = {
  root: { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' },
  bob: { AWS_ACCESS_KEY_ID: 'ASIAE2EBOB0000000001', AWS_SECRET_ACCESS_KEY: 'bob-secret', AWS_SESSION_TOKEN: 'bob-session' },
  carol: { AWS_ACCESS_KEY_ID: 'ASIAE2ECAROL00000001', AWS_SECRET_ACCESS_KEY: 'carol-secret', AWS_SESSION_TOKEN: 'carol-session' },
} as const;
type Who = keyof typeof IDS;

const CREDENTIALS_FILE = {
  accounts: [
    {
      accountId: ACCOUNT,
      principals: [
        {
          arn: `arn:aws:sts::${ACCOUNT}:assumed-role/bob/e2e`,
          accessKeys: [{ accessKeyId: IDS.bob.AWS_ACCESS_KEY_ID, secretAccessKey: IDS.bob.AWS_SECRET_ACCESS_KEY, sessionToken: IDS.bob.AWS_SESSION_TOKEN }],
        },
      ],
    },
    {
      accountId: OTHER,
      principals: [
        {
          arn: `arn:aws:sts::${OTHER}:assumed-role/carol/e2e`,
          accessKeys: [{ accessKeyId: IDS.carol.AWS_ACCESS_KEY_ID, secretAccessKey: IDS.carol.AWS_SECRET_ACCESS_KEY, sessionToken: IDS.carol.AWS_SESSION_TOKEN }],
          policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:DescribeKey'], Resource: '*' }] }],
        },
      ],
    },
  ],
};

const policy = (...extra: object[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Admin', Effect: 'Allow', Principal: { AWS: ROOT }, Action: 'kms:*', Resource: '*' }, ...extra] });

let server: ServerProcess;
let work: string;
let baseEnv: NodeJS.ProcessEnv;

beforeAll(async () => {
  if (!DIST_BUILT || !hasAwsCli) return;
  work = tempDir();
  const credentials = join(work, 'credentials.json');
  writeFileSync(credentials, JSON.stringify(CREDENTIALS_FILE));
  server = await startServe({ dataDir: join(work, 'data'), workers: 2, extraArgs: ['--credentials', credentials] });
  baseEnv = awsCliEnv(work, {});
});

afterAll(async () => {
  await killAllServers();
  removeTempDirs();
});

const skip = !DIST_BUILT ? NOT_BUILT_REASON : !hasAwsCli ? '`aws` not on PATH' : '';

describe.skipIf(skip !== '')(`AWS CLI against kmsbench serve --credentials FILE${skip ? ` (skipped: ${skip})` : ''}`, () => {
  const aws = (who: Who, args: string[]): Promise<CliResult> =>
    runCommand(AWS_CLI, ['kms', ...args, '--endpoint-url', server.url, '--output', 'json'], { env: { ...baseEnv, ...IDS[who] }, timeoutMs: 60_000 });
  const ok = async (who: Who, args: string[]): Promise<Record<string, unknown>> => {
    const r = await aws(who, args);
    expect(r.code, `aws kms ${args.join(' ')}\n${r.stderr}`).toBe(0);
    return r.stdout.trim() ? (JSON.parse(r.stdout) as Record<string, unknown>) : {};
  };
  const refused = async (who: Who, args: string[], code: string, message?: RegExp): Promise<void> => {
    const r = await aws(who, args);
    expect(r.code, `aws kms ${args.join(' ')} should fail\n${r.stdout}`).not.toBe(0);
    expect(r.stderr).toContain(`(${code})`);
    if (message) expect(r.stderr).toMatch(message);
  };
  const createKey = async (policyText?: string) => {
    const args = ['create-key'];
    if (policyText !== undefined) {
      const file = join(work, `policy-${Math.random().toString(36).slice(2)}.json`);
      writeFileSync(file, policyText);
      args.push('--policy', `file://${file}`);
    }
    return ((await ok('root', args)).KeyMetadata as { KeyId: string; Arn: string });
  };
  const encrypt = (keyId: string, extra: string[] = []) => ['encrypt', '--key-id', keyId, '--plaintext', 'aGVsbG8=', ...extra];

  it('enforces a Deny statement, a Deny conditioned on the encryption context, and lets its twin through', async () => {
    const denyEncrypt = await createKey(policy({ Sid: 'NoEncrypt', Effect: 'Deny', Principal: { AWS: ROOT }, Action: 'kms:Encrypt', Resource: '*' }));
    await refused('root', encrypt(denyEncrypt.KeyId), 'AccessDeniedException', /with an explicit deny in a resource-based policy/);
    await ok('root', ['describe-key', '--key-id', denyEncrypt.KeyId]);

    const tenant = await createKey(
      policy({ Sid: 'NoBlocked', Effect: 'Deny', Principal: { AWS: '*' }, Action: 'kms:Encrypt', Resource: '*', Condition: { StringEquals: { 'kms:EncryptionContext:tenant': 'blocked' } } }),
    );
    await refused('root', encrypt(tenant.KeyId, ['--encryption-context', 'tenant=blocked']), 'AccessDeniedException');
    await ok('root', encrypt(tenant.KeyId, ['--encryption-context', 'tenant=allowed']));
  });

  it('refuses a malformed policy', async () => {
    const key = await createKey();
    const file = join(work, 'malformed.json');
    writeFileSync(file, JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/*` }, Action: 'kms:*', Resource: '*' }] }));
    await refused('root', ['put-key-policy', '--key-id', key.KeyId, '--policy-name', 'default', '--policy', `file://${file}`], 'MalformedPolicyDocumentException', /invalid principals/);
  });

  it('creates, lists, uses (with the grantee\'s credentials) and revokes a grant', async () => {
    const key = await createKey();
    await refused('bob', encrypt(key.Arn), 'AccessDeniedException', /because no identity-based policy allows the kms:Encrypt action/);
    const grant = await ok('root', ['create-grant', '--key-id', key.KeyId, '--grantee-principal', BOB_ROLE, '--operations', 'Encrypt', 'Decrypt']);
    const listed = (await ok('root', ['list-grants', '--key-id', key.KeyId])).Grants as Array<{ GrantId: string; GranteePrincipal: string }>;
    expect(listed).toEqual([expect.objectContaining({ GrantId: grant.GrantId, GranteePrincipal: BOB_ROLE })]);
    await ok('bob', encrypt(key.Arn, ['--grant-tokens', grant.GrantToken as string]));
    await ok('root', ['revoke-grant', '--key-id', key.KeyId, '--grant-id', grant.GrantId as string]);
    expect((await ok('root', ['list-grants', '--key-id', key.KeyId])).Grants).toEqual([]);
    await refused('bob', encrypt(key.Arn), 'AccessDeniedException');
  });

  it('allows cross-account use only when the key policy and the identity policy agree', async () => {
    const closed = await createKey();
    await refused('carol', encrypt(closed.Arn), 'AccessDeniedException', /on this resource because the resource does not exist in this Region/);
    const open = await createKey(policy({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: ['kms:Encrypt', 'kms:GenerateDataKey'], Resource: '*' }));
    await ok('carol', encrypt(open.Arn));
    await refused('carol', ['generate-data-key', '--key-id', open.Arn, '--key-spec', 'AES_256'], 'AccessDeniedException', /because no identity-based policy allows the kms:GenerateDataKey action/);
  });
});
