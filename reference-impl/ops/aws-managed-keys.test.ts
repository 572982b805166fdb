/**
 * AWS managed keys (the keys behind `alias/aws/<service>`), in-process: the keyring makes one on
 * first use of its alias, once, and every management handler refuses to change it. The
 * conformance suite checks only that DescribeKey of alias/aws/s3 makes an enabled AWS managed key
 * (keys.describe-key-aws-managed-key) and that its alias cannot be moved; its policy, rotation and
 * the refusals are here.
 *
 * Sources: spec/aws-observed.md section 11 (entry ids in the comments). Lines marked INFERRED
 * assert our documented behaviour where AWS's answer is unknown.
 */
import {
  CancelKeyDeletionCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  DisableKeyRotationCommand,
  EnableKeyCommand,
  EnableKeyRotationCommand,
  EncryptCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  ListAliasesCommand,
  ListKeyPoliciesCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
  PutKeyPolicyCommand,
  RotateKeyOnDemandCommand,
  ScheduleKeyDeletionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateKeyDescriptionCommand,
  type AliasListEntry,
  type KeyListEntry,
} from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { ACCOUNT, aliasArnOf, keyArnOf, refusal, ROOT, inProcessKmsForFile } from '../../test/support/in-process-kms.js';

const t = inProcessKmsForFile();

async function describeKey(keyId: string) {
  return (await t.kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!;
}

async function allKeys(limit?: number): Promise<KeyListEntry[]> {
  const out: KeyListEntry[] = [];
  let marker: string | undefined;
  do {
    const page = await t.kms.send(new ListKeysCommand({ Limit: limit, Marker: marker }));
    out.push(...page.Keys!);
    marker = page.NextMarker;
  } while (marker);
  return out;
}

describe('AWS managed keys (aws-observed 11)', () => {
  const S3 = 'alias/aws/s3';
  let managed: { KeyId: string; Arn: string };

  it('lists the predefined alias without a TargetKeyId before first use (4.5, M3)', async () => {
    const aliases = (await t.kms.send(new ListAliasesCommand({}))).Aliases!;
    const s3 = aliases.find((a) => a.AliasName === S3);
    expect(s3).toEqual({ AliasName: S3, AliasArn: aliasArnOf(S3) });
  });

  it('creates the key on first use, with KeyManager AWS (MODEL DescribeKey doc; M1, M2)', async () => {
    const m = await describeKey(S3);
    managed = { KeyId: m.KeyId!, Arn: m.Arn! };
    expect(m).toMatchObject({
      Arn: keyArnOf(m.KeyId!),
      KeyManager: 'AWS',
      Origin: 'AWS_KMS',
      KeyUsage: 'ENCRYPT_DECRYPT',
      KeySpec: 'SYMMETRIC_DEFAULT',
      KeyState: 'Enabled',
      Enabled: true,
      Description: 'Default key that protects my S3 objects when no other key is defined',
    });
  });

  it('resolves to the same key afterwards, through the alias name and the alias ARN', async () => {
    expect((await describeKey(S3)).Arn).toBe(managed.Arn);
    expect((await describeKey(aliasArnOf(S3))).KeyId).toBe(managed.KeyId);
  });

  it('refuses direct cryptographic use: its policy allows it only through the service (M4, kms:ViaService)', async () => {
    const refused = await t.kms.send(new EncryptCommand({ KeyId: S3, Plaintext: Buffer.from('x') })).then(
      () => undefined,
      (e: { name: string; message: string }) => e,
    );
    expect(refused?.name).toBe('AccessDeniedException');
    expect(refused?.message).toBe(
      `User: arn:aws:iam::111122223333:root is not authorized to perform: kms:Encrypt on resource: ${managed.Arn} because no resource-based policy allows the kms:Encrypt action`,
    );
  });

  it('shows the alias with its TargetKeyId and the key in ListKeys', async () => {
    const aliases = (await t.kms.send(new ListAliasesCommand({}))).Aliases!;
    const s3 = aliases.find((a) => a.AliasName === S3) as AliasListEntry;
    expect(s3.TargetKeyId).toBe(managed.KeyId);
    expect((await allKeys(1000)).map((k) => k.KeyId)).toContain(managed.KeyId);
  });

  it('has a key policy that lets the account use it only through S3 and read its metadata (M4)', async () => {
    const out = await t.kms.send(new GetKeyPolicyCommand({ KeyId: managed.KeyId }));
    const policy = JSON.parse(out.Policy!) as { Id: string; Statement: Array<Record<string, unknown>> };
    expect(policy.Id).toMatch(/^auto-s3-\d+$/);
    expect(policy.Statement).toEqual([
      {
        Sid: 'Allow access through S3 for all principals in the account that are authorized to use S3',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
        Resource: '*',
        Condition: { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com', 'kms:CallerAccount': ACCOUNT } },
      },
      {
        Sid: 'Allow direct access to key metadata to the account',
        Effect: 'Allow',
        Principal: { AWS: ROOT },
        Action: ['kms:Describe*', 'kms:Get*', 'kms:List*'],
        Resource: '*',
      },
    ]);
  });

  it('reports rotation as always enabled, yearly (MODEL GetKeyRotationStatus; M8)', async () => {
    const out = await t.kms.send(new GetKeyRotationStatusCommand({ KeyId: managed.KeyId }));
    expect(out).toMatchObject({ KeyRotationEnabled: true, RotationPeriodInDays: 365 });
  });

  it('allows the List* calls its policy grants', async () => {
    expect((await t.kms.send(new ListResourceTagsCommand({ KeyId: managed.KeyId }))).Tags).toEqual([]);
    expect((await t.kms.send(new ListKeyPoliciesCommand({ KeyId: managed.KeyId }))).PolicyNames).toEqual(['default']);
  });

  // M5: AWS refuses these; the exact answer is unknown. INFERRED from the key policy (M4), which
  // grants the account only Describe/Get/List: AccessDeniedException in the X2 wording.
  const refused: Array<[string, (keyId: string) => Promise<unknown>]> = [
    ['DisableKey', (k) => t.kms.send(new DisableKeyCommand({ KeyId: k }))],
    ['EnableKey', (k) => t.kms.send(new EnableKeyCommand({ KeyId: k }))],
    ['ScheduleKeyDeletion', (k) => t.kms.send(new ScheduleKeyDeletionCommand({ KeyId: k }))],
    ['CancelKeyDeletion', (k) => t.kms.send(new CancelKeyDeletionCommand({ KeyId: k }))],
    ['UpdateKeyDescription', (k) => t.kms.send(new UpdateKeyDescriptionCommand({ KeyId: k, Description: 'mine' }))],
    ['TagResource', (k) => t.kms.send(new TagResourceCommand({ KeyId: k, Tags: [{ TagKey: 'a', TagValue: 'b' }] }))],
    ['UntagResource', (k) => t.kms.send(new UntagResourceCommand({ KeyId: k, TagKeys: ['a'] }))],
    ['PutKeyPolicy', (k) => t.kms.send(new PutKeyPolicyCommand({ KeyId: k, Policy: '{}', PolicyName: 'default' }))],
    ['EnableKeyRotation', (k) => t.kms.send(new EnableKeyRotationCommand({ KeyId: k }))],
    ['DisableKeyRotation', (k) => t.kms.send(new DisableKeyRotationCommand({ KeyId: k }))],
    ['RotateKeyOnDemand', (k) => t.kms.send(new RotateKeyOnDemandCommand({ KeyId: k }))],
  ];
  it.each(refused)('refuses %s (M5, INFERRED AccessDenied wording)', async (op, send) => {
    expect(await refusal(send(managed.KeyId))).toEqual({
      name: 'AccessDeniedException',
      message: `User: ${ROOT} is not authorized to perform: kms:${op} on resource: ${managed.Arn} because no resource-based policy allows the kms:${op} action`,
      status: 400,
    });
  });

  it('is unchanged after the refused calls', async () => {
    const m = await describeKey(managed.KeyId);
    expect(m).toMatchObject({ KeyState: 'Enabled', Description: 'Default key that protects my S3 objects when no other key is defined' });
    expect((await t.kms.send(new ListResourceTagsCommand({ KeyId: managed.KeyId }))).Tags).toEqual([]);
  });
});
