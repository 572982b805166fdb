/**
 * Infrastructure tools against kmsbench: they read a key back right after creating it
 * (Terraform's AWS provider: DescribeKey, GetKeyPolicy, GetKeyRotationStatus, ListResourceTags,
 * ListAliases), often on another connection — so on another worker. The replay runs on a
 * two-worker server; the Terraform example (examples/terraform/) is applied and destroyed when
 * terraform and a provider mirror are installed (TF_PLUGIN_MIRROR, default /opt/tf-plugins).
 */
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateAliasCommand,
  CreateKeyCommand,
  DescribeKeyCommand,
  EnableKeyRotationCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  ListAliasesCommand,
  ListResourceTagsCommand,
} from '@aws-sdk/client-kms';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../reference-impl/server.js';
import { available, cleanEnv, removeTempDirs, ROOT, runCommand, tempDir } from './harness.js';

const servers: RunningServer[] = [];
const clients: KMSClient[] = [];
afterAll(async () => {
  for (const c of clients) c.destroy();
  await Promise.all(servers.map((s) => s.close()));
  removeTempDirs();
});

const TERRAFORM = process.env.TERRAFORM ?? 'terraform';
const MIRROR = process.env.TF_PLUGIN_MIRROR ?? '/opt/tf-plugins';
const terraformHere = existsSync(MIRROR) && (await available(TERRAFORM, ['version']));

describe('read-back after create, as infrastructure tools do', () => {
  it('every read right after each write sees it, whichever worker serves it', async () => {
    const server = await startServer({ port: 0, dataDir: tempDir(), workers: 2, quotas: { enabled: false } });
    servers.push(server);
    // Separate clients: separate connections, spread over both workers.
    const make = () => {
      const c = new KMSClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
      clients.push(c);
      return c;
    };
    const writer = make();
    const readers = Array.from({ length: 4 }, make);
    for (let round = 0; round < 5; round++) {
      const key = (await writer.send(new CreateKeyCommand({ Description: `round ${round}`, Tags: [{ TagKey: 'round', TagValue: String(round) }] }))).KeyMetadata!;
      const described = await Promise.all(readers.map((r) => r.send(new DescribeKeyCommand({ KeyId: key.KeyId }))));
      expect(described.map((d) => d.KeyMetadata!.Description)).toEqual(readers.map(() => `round ${round}`));
      const policies = await Promise.all(readers.map((r) => r.send(new GetKeyPolicyCommand({ KeyId: key.KeyId, PolicyName: 'default' }))));
      expect(policies.every((p) => JSON.parse(p.Policy!).Statement.length > 0)).toBe(true);
      const tags = await Promise.all(readers.map((r) => r.send(new ListResourceTagsCommand({ KeyId: key.KeyId }))));
      expect(tags.map((t) => t.Tags)).toEqual(readers.map(() => [{ TagKey: 'round', TagValue: String(round) }]));

      await writer.send(new EnableKeyRotationCommand({ KeyId: key.KeyId }));
      const rotation = await Promise.all(readers.map((r) => r.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }))));
      expect(rotation.map((r) => r.KeyRotationEnabled)).toEqual(readers.map(() => true));

      await writer.send(new CreateAliasCommand({ AliasName: `alias/iac-${round}`, TargetKeyId: key.KeyId }));
      const aliases = await Promise.all(readers.map((r) => r.send(new ListAliasesCommand({ KeyId: key.KeyId }))));
      expect(aliases.map((a) => a.Aliases!.map((x) => x.AliasName))).toEqual(readers.map(() => [`alias/iac-${round}`]));
    }
  });
});

describe.skipIf(!terraformHere)(`Terraform's AWS provider (examples/terraform)${terraformHere ? '' : ': terraform or its provider mirror is not installed'}`, () => {
  it('applies the example (key, rotation, tags, alias) and destroys it', { timeout: 240_000 }, async () => {
    const server = await startServer({ port: 0, dataDir: tempDir(), workers: 2 });
    servers.push(server);
    const work = tempDir('kmsbench-terraform-');
    copyFileSync(join(ROOT, 'examples/terraform/main.tf'), join(work, 'main.tf'));
    const cliConfig = join(work, 'terraformrc');
    writeFileSync(cliConfig, `provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(MIRROR)}\n  }\n}\n`);
    const env = cleanEnv({ TF_CLI_CONFIG_FILE: cliConfig, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_DATA_DIR: join(work, '.terraform') });
    const tf = (args: string[]) => runCommand(TERRAFORM, args, { env, cwd: work, timeoutMs: 180_000 });

    const init = await tf(['init', '-input=false', '-no-color']);
    expect(init.code, init.stderr + init.stdout).toBe(0);
    const apply = await tf(['apply', '-auto-approve', '-input=false', '-no-color', `-var=endpoint=${server.url}`]);
    expect(apply.code, apply.stderr + apply.stdout).toBe(0);
    const out = await tf(['output', '-raw', 'key_id']);
    const keyId = out.stdout.trim();

    const kms = new KMSClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    clients.push(kms);
    expect((await kms.send(new DescribeKeyCommand({ KeyId: 'alias/orders' }))).KeyMetadata).toMatchObject({ KeyId: keyId, Description: 'orders data key', KeyState: 'Enabled' });
    expect((await kms.send(new GetKeyRotationStatusCommand({ KeyId: keyId }))).KeyRotationEnabled).toBe(true);
    expect((await kms.send(new ListResourceTagsCommand({ KeyId: keyId }))).Tags).toEqual([{ TagKey: 'team', TagValue: 'payments' }]);

    // A second plan finds nothing to change: what the provider read back matches what it wrote.
    const plan = await tf(['plan', '-detailed-exitcode', '-input=false', '-no-color', `-var=endpoint=${server.url}`]);
    expect(plan.code, plan.stdout).toBe(0);

    const destroy = await tf(['destroy', '-auto-approve', '-input=false', '-no-color', `-var=endpoint=${server.url}`]);
    expect(destroy.code, destroy.stderr + destroy.stdout).toBe(0);
    // deletion_window_in_days = 7 (PendingDeletionWindowInDays is only for multi-Region primaries).
    const gone = (await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!;
    expect(gone.KeyState).toBe('PendingDeletion');
    expect(Math.round((gone.DeletionDate!.getTime() - Date.now()) / 86_400_000)).toBe(7);
    expect((await kms.send(new ListAliasesCommand({ KeyId: keyId }))).Aliases).toEqual([]);
  });
});
