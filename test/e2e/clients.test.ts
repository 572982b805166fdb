/**
 * End to end, as users run it: `kmsbench serve --workers 2` as a child process, driven by the
 * unmodified AWS CLI, boto3 and @aws-sdk/client-kms configured with nothing but an endpoint URL
 * and the default test/test credentials.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CreateAliasCommand,
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  ListAliasesCommand,
  ListKeysCommand,
  ReEncryptCommand,
  ScheduleKeyDeletionCommand,
  paginateListKeys,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCOUNT,
  available,
  AWS_CLI,
  awsCliEnv,
  awsCliVersion,
  cleanUp,
  type CliResult,
  DIST_BUILT,
  NOT_BUILT_REASON,
  REGION,
  runCommand,
  sdk,
  type ServerProcess,
  sleep,
  startServe,
  tempDir,
} from './harness.js';

const awsVersion = await awsCliVersion();
const hasAwsCli = awsVersion !== undefined;
const hasBoto3 = DIST_BUILT && (await available('python3', ['-c', 'import boto3']));

let server: ServerProcess;
let work: string;
let awsEnv: NodeJS.ProcessEnv;

beforeAll(async () => {
  if (!DIST_BUILT) return;
  work = tempDir();
  server = await startServe({ dataDir: join(work, 'data'), workers: 2 });
  awsEnv = awsCliEnv(work, { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' });
});

afterAll(cleanUp);

describe.skipIf(!DIST_BUILT)(`unmodified clients against kmsbench serve --workers 2${DIST_BUILT ? '' : ` (${NOT_BUILT_REASON})`}`, () => {
  describe.skipIf(!hasAwsCli)(`AWS CLI${hasAwsCli ? ` (${awsVersion!.stdout.trim() || awsVersion!.stderr.trim()})` : ' (skipped: `aws` not on PATH)'}`, () => {
    const aws = (args: string[]): Promise<CliResult> =>
      runCommand(AWS_CLI, ['kms', ...args, '--endpoint-url', server.url, '--output', 'json'], { env: awsEnv, timeoutMs: 60_000 });
    const ok = async (args: string[]): Promise<Record<string, unknown>> => {
      const r = await aws(args);
      expect(r.code, `aws kms ${args.join(' ')}\n${r.stderr}`).toBe(0);
      return r.stdout.trim() ? (JSON.parse(r.stdout) as Record<string, unknown>) : {};
    };

    it('create-key, encrypt/decrypt fileb:// binary, list-keys, describe-key, create-alias, schedule-key-deletion', async () => {
      const created = (await ok(['create-key', '--description', 'aws cli e2e'])).KeyMetadata as Record<string, unknown>;
      expect(created).toMatchObject({ AWSAccountId: ACCOUNT, KeyState: 'Enabled', Enabled: true, Description: 'aws cli e2e' });
      const keyId = created.KeyId as string;
      const arn = created.Arn as string;
      expect(arn).toBe(`arn:aws:kms:${REGION}:${ACCOUNT}:key/${keyId}`);

      // Binary plaintext with NUL and high bytes, through fileb:// in and base64 out.
      const plaintext = Buffer.concat([randomBytes(1000), Buffer.from([0, 0xff, 0x0a, 0x0d])]);
      const ptFile = join(work, 'plain.bin');
      writeFileSync(ptFile, plaintext);
      const enc = await ok([
        'encrypt',
        '--key-id',
        keyId,
        '--plaintext',
        `fileb://${ptFile}`,
        '--encryption-context',
        'purpose=e2e,tenant=cli',
      ]);
      expect(enc.KeyId).toBe(arn);
      const ctFile = join(work, 'cipher.bin');
      writeFileSync(ctFile, Buffer.from(enc.CiphertextBlob as string, 'base64'));

      const dec = await ok(['decrypt', '--ciphertext-blob', `fileb://${ctFile}`, '--encryption-context', 'tenant=cli,purpose=e2e']);
      expect(dec.KeyId).toBe(arn);
      expect(Buffer.from(dec.Plaintext as string, 'base64').equals(plaintext)).toBe(true);

      const wrong = await aws(['decrypt', '--ciphertext-blob', `fileb://${ctFile}`, '--encryption-context', 'tenant=other,purpose=e2e']);
      expect(wrong.code).not.toBe(0);
      expect(wrong.stderr).toContain('(InvalidCiphertextException)');

      const listed = (await ok(['list-keys'])).Keys as Array<{ KeyId: string; KeyArn: string }>;
      expect(listed).toContainEqual({ KeyId: keyId, KeyArn: arn });

      const aliasName = `alias/cli-${randomUUID().slice(0, 8)}`;
      await ok(['create-alias', '--alias-name', aliasName, '--target-key-id', keyId]);
      const described = (await ok(['describe-key', '--key-id', aliasName])).KeyMetadata as Record<string, unknown>;
      expect(described).toMatchObject({ KeyId: keyId, Arn: arn, KeyState: 'Enabled' });
      const aliases = (await ok(['list-aliases', '--key-id', keyId])).Aliases as Array<Record<string, unknown>>;
      expect(aliases.map((a) => a.AliasName)).toEqual([aliasName]);

      // Encrypt through the alias; decrypt needs no key id for symmetric keys.
      const viaAlias = await ok(['encrypt', '--key-id', aliasName, '--plaintext', `fileb://${ptFile}`]);
      expect(viaAlias.KeyId).toBe(arn);

      const tooShort = await aws(['schedule-key-deletion', '--key-id', keyId, '--pending-window-in-days', '3']);
      expect(tooShort.code).not.toBe(0);
      expect(tooShort.stderr).toContain('(ValidationException)');

      const scheduled = await ok(['schedule-key-deletion', '--key-id', keyId, '--pending-window-in-days', '7']);
      expect(scheduled).toMatchObject({ KeyId: arn, KeyState: 'PendingDeletion', PendingWindowInDays: 7 });
      // CLI v1 prints timestamps as epoch seconds, v2 as ISO 8601 text.
      const deletionDate = scheduled.DeletionDate as number | string;
      const deletionMs = typeof deletionDate === 'number' ? deletionDate * 1000 : Date.parse(deletionDate);
      expect(deletionMs - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
      expect(deletionMs - Date.now()).toBeLessThan(7.1 * 86_400_000);

      const after = (await ok(['describe-key', '--key-id', keyId])).KeyMetadata as Record<string, unknown>;
      expect(after).toMatchObject({ KeyState: 'PendingDeletion', Enabled: false, DeletionDate: deletionDate });
      const refused = await aws(['encrypt', '--key-id', keyId, '--plaintext', `fileb://${ptFile}`]);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain('(KMSInvalidStateException)');
    }, 90_000);

    it('a wrong secret is refused with InvalidSignatureException', async () => {
      const r = await runCommand(AWS_CLI, ['kms', 'list-keys', '--endpoint-url', server.url], {
        env: { ...awsEnv, AWS_SECRET_ACCESS_KEY: 'not-the-secret' },
        timeoutMs: 60_000,
      });
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain('(InvalidSignatureException)');
    }, 60_000);
  });

  describe.skipIf(!hasBoto3)(`boto3${hasBoto3 ? '' : ' (skipped: python3 with boto3 not available)'}`, () => {
    it('create key, encrypt with context, decrypt, generate data key, list aliases paginator, wrong context', async () => {
      const script = fileURLToPath(new URL('./boto3_smoke.py', import.meta.url));
      const r = await runCommand('python3', [script, server.url], { env: awsEnv, timeoutMs: 60_000 });
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
      const arn = `arn:aws:kms:${REGION}:${ACCOUNT}:key/${out.keyId as string}`;
      expect(out).toMatchObject({
        keyState: 'Enabled',
        encryptKeyId: arn,
        decryptKeyId: arn,
        decryptRoundTrip: true,
        wrongContext_wrongValue: 'InvalidCiphertextException',
        wrongContextStatus_wrongValue: 400,
        wrongContext_missing: 'InvalidCiphertextException',
        wrongContext_extra: 'InvalidCiphertextException',
        dataKeyLength: 32,
        dataKeyRoundTrip: true,
        dataKey16Length: 16,
        aliasTargetsOk: true,
        aliasNamesUnique: true,
        encryptViaAliasKeyId: arn,
        unknownAlias: 'NotFoundException',
      });
      expect(out.aliasesFound).toEqual(out.aliasesExpected);
      expect(out.aliasPages as number).toBeGreaterThanOrEqual(3); // 5 aliases (and the predefined aws/ ones), 2 a page
    }, 60_000);
  });

  describe('@aws-sdk/client-kms', () => {
    let kms: KMSClient;
    beforeAll(() => {
      kms = sdk(server.url);
    });

    it('concurrent traffic over many keep-alive sockets round-trips every ciphertext', async () => {
      // This server runs with the default quotas, as users run it: CreateKey and CreateAlias are
      // 5/s (burst 5) as in AWS, and the tests above have just used the CreateAlias burst.
      await sleep(1100);
      const keys = await Promise.all(
        Array.from({ length: 4 }, (_, i) => kms.send(new CreateKeyCommand({ Description: `sdk ${i}` }))),
      );
      const ids = keys.map((k) => k.KeyMetadata!.KeyId!);
      const alias = `alias/sdk-${randomUUID().slice(0, 8)}`;
      await kms.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: ids[0] }));

      const jobs = Array.from({ length: 64 }, async (_, i) => {
        const plaintext = randomBytes(1 + (i * 61) % 4096);
        const context = { job: String(i), text: 'ab', other: 'c' };
        const keyId = i % 5 === 4 ? alias : ids[i % 4]!;
        const enc = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: plaintext, EncryptionContext: context }));
        const dec = await kms.send(new DecryptCommand({ CiphertextBlob: enc.CiphertextBlob, EncryptionContext: context }));
        expect(Buffer.from(dec.Plaintext!).equals(plaintext)).toBe(true);
        expect(dec.KeyId).toBe(enc.KeyId);
        // The same bytes re-split must not authenticate ({"text":"ab","other":"c"} vs {"text":"a","other":"bc"}).
        await expect(
          kms.send(new DecryptCommand({ CiphertextBlob: enc.CiphertextBlob, EncryptionContext: { ...context, text: 'a', other: 'bc' } })),
        ).rejects.toMatchObject({ name: 'InvalidCiphertextException', $metadata: { httpStatusCode: 400 } });
        return enc.KeyId;
      });
      const used = await Promise.all(jobs);
      expect(new Set(used).size).toBe(4);

      const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: ids[1], NumberOfBytes: 64 }));
      expect(dk.Plaintext!.length).toBe(64);
      const re = await kms.send(new ReEncryptCommand({ CiphertextBlob: dk.CiphertextBlob, DestinationKeyId: ids[2] }));
      expect(re.SourceKeyId).toBe(keys[1]!.KeyMetadata!.Arn);
      expect(re.KeyId).toBe(keys[2]!.KeyMetadata!.Arn);
      const back = await kms.send(new DecryptCommand({ CiphertextBlob: re.CiphertextBlob }));
      expect(Buffer.from(back.Plaintext!).equals(Buffer.from(dk.Plaintext!))).toBe(true);

      const listed: string[] = [];
      for await (const page of paginateListKeys({ client: kms, pageSize: 2 }, {})) listed.push(...page.Keys!.map((k) => k.KeyId!));
      expect(listed).toEqual(expect.arrayContaining(ids));
      expect(new Set(listed).size).toBe(listed.length);

      const aliases = await kms.send(new ListAliasesCommand({ KeyId: ids[0] }));
      expect(aliases.Aliases!.map((a) => a.AliasName)).toEqual([alias]);

      await kms.send(new ScheduleKeyDeletionCommand({ KeyId: ids[3], PendingWindowInDays: 30 }));
      await expect(kms.send(new DescribeKeyCommand({ KeyId: ids[3] }))).resolves.toMatchObject({
        KeyMetadata: { KeyState: 'PendingDeletion' },
      });
      await expect(kms.send(new EncryptCommand({ KeyId: ids[3], Plaintext: Buffer.from('x') }))).rejects.toMatchObject({
        name: 'KMSInvalidStateException',
      });
      await expect(kms.send(new ListKeysCommand({ Limit: 1001 }))).rejects.toMatchObject({ name: 'ValidationException' });
    }, 60_000);
  });
});
