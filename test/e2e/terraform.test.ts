/**
 * Terraform against the reference server: examples/terraform (an ECC signing key with its public
 * key through `data "aws_kms_public_key"`, an HMAC key, a symmetric key with rotation and an alias,
 * a multi-Region key and its replica in a second Region through a provider alias) applies,
 * `terraform plan` then shows no drift (exit 0 with -detailed-exitcode), and it destroys.
 * The hashicorp/aws provider reads every key back with DescribeKey, GetKeyPolicy,
 * GetKeyRotationStatus and ListResourceTags after creating it, so this holds those answers to
 * what the provider accepts from AWS for every key type.
 *
 * Needs Terraform (/usr/local/bin/terraform or TERRAFORM) and the provider in the offline mirror
 * /opt/tf-plugins (examples/terraform/terraformrc); skipped, with the reason printed, otherwise.
 */
import { execFile } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../reference-impl/server.js';
import { ROOT } from './harness.js';

const TERRAFORM = process.env.TERRAFORM ?? '/usr/local/bin/terraform';
const MIRROR = '/opt/tf-plugins/registry.terraform.io/hashicorp/aws';
const missing = !existsSync(TERRAFORM) ? `${TERRAFORM} not found` : !existsSync(MIRROR) ? `no hashicorp/aws provider in ${MIRROR}` : undefined;
if (missing) console.warn(`terraform.test: ${missing} — the Terraform round trip is skipped`);

describe.skipIf(missing !== undefined)('Terraform applies examples/terraform with no drift and destroys it', () => {
  let server: RunningServer;
  let work: string;
  let dataDir: string;
  // Asynchronous on purpose: the server runs in this process and must keep answering.
  const tf = (...args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        TERRAFORM,
        args,
        {
          cwd: work,
          encoding: 'utf8',
          env: { ...process.env, TF_CLI_CONFIG_FILE: join(work, 'terraformrc'), TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' },
          timeout: 240_000,
          maxBuffer: 16 * 1024 * 1024,
        },
        (err, stdout, stderr) => resolve({ status: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
  const run = (...args: string[]) => tf(...args, '-input=false', '-no-color');
  const vars = () => ['-var', `endpoint=${server.url}`];
  const describeIn = async (region: string, keyId: string) => {
    const kms = new KMSClient({ endpoint: server.url, region, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    try {
      return (await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!;
    } finally {
      kms.destroy();
    }
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kmsbench-tf-data-'));
    work = mkdtempSync(join(tmpdir(), 'kmsbench-tf-'));
    cpSync(join(ROOT, 'examples', 'terraform'), work, { recursive: true });
    server = await startServer({ port: 0, dataDir, workers: 1 });
    const init = await run('init');
    expect(init.status, init.stderr + init.stdout).toBe(0);
  }, 300_000);

  afterAll(async () => {
    if (server) {
      await run('destroy', '-auto-approve', ...vars());
      await server.close();
    }
    for (const d of [work, dataDir]) if (d) rmSync(d, { recursive: true, force: true });
  }, 300_000);

  it('applies, shows no drift, and destroys', async () => {
    const apply = await run('apply', '-auto-approve', ...vars());
    expect(apply.status, apply.stderr + apply.stdout).toBe(0);

    const output = await tf('output', '-json');
    expect(output.status, output.stderr).toBe(0);
    const out = JSON.parse(output.stdout) as Record<string, { value: unknown }>;
    const pem = out.signing_public_key_pem!.value as string;
    const pub = createPublicKey(pem);
    expect([pub.asymmetricKeyType, pub.asymmetricKeyDetails?.namedCurve]).toEqual(['ec', 'prime256v1']);
    expect(out.signing_algorithms!.value).toEqual(['ECDSA_SHA_256']);
    // The replica is the primary's key id, in the second Region (ARN), and the server says so.
    const primaryArn = out.multi_region_key_arn!.value as string;
    const replicaArn = out.replica_key_arn!.value as string;
    expect(primaryArn).toMatch(/^arn:aws:kms:us-east-1:\d{12}:key\/mrk-[0-9a-f]{32}$/);
    expect(replicaArn).toBe(primaryArn.replace(':us-east-1:', ':us-west-2:'));
    const replica = await describeIn('us-west-2', replicaArn);
    expect([replica.KeyState, replica.MultiRegionConfiguration?.MultiRegionKeyType, replica.MultiRegionConfiguration?.PrimaryKey?.Arn]).toEqual([
      'Enabled',
      'REPLICA',
      primaryArn,
    ]);

    const plan = await run('plan', '-detailed-exitcode', ...vars());
    expect(plan.status, `terraform plan shows drift:\n${plan.stdout}${plan.stderr}`).toBe(0);

    const destroy = await run('destroy', '-auto-approve', ...vars());
    expect(destroy.status, destroy.stderr + destroy.stdout).toBe(0);
    // Destroyed means scheduled for deletion: the replica, then the primary (which waits for its replica).
    expect((await describeIn('us-west-2', replicaArn)).KeyState).toBe('PendingDeletion');
    expect((await describeIn('us-east-1', primaryArn)).KeyState).toBe('PendingReplicaDeletion');
  }, 600_000);
});
