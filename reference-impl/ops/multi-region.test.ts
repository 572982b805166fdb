/**
 * Every Region at one endpoint, and multi-Region keys, in-process: requests signed for another
 * Region are served there (keys, aliases, AWS managed keys and ARNs per Region; audit lines carry
 * the Region), replicas share the primary's key id and material, PendingReplicaDeletion holds a
 * primary until its replicas are deleted, and the `replica-own-material` / `region-ignored`
 * faults are visible. Sources: keys/multi-region.ts, ops/multi-region.ts.
 */
import {
  CreateAliasCommand,
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  EncryptCommand,
  ListAliasesCommand,
  ListKeysCommand,
  ReplicateKeyCommand,
  RotateKeyOnDemandCommand,
  ScheduleKeyDeletionCommand,
  UpdatePrimaryRegionCommand,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, DAY_SECONDS, refusal, inProcessKmsForFile, startInProcessKms } from '../../test/support/in-process-kms.js';

const t = inProcessKmsForFile({ audit: true });
let west: KMSClient;
beforeAll(async () => {
  west = t.clientIn('eu-west-1');
});

const describeIn = async (kms: KMSClient, keyId: string) => (await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!;

describe('every Region at one endpoint', () => {
  it('a key lives in the Region it was created in: its ARN names it, other Regions do not find it', async () => {
    const key = (await west.send(new CreateKeyCommand({}))).KeyMetadata!;
    expect(key.Arn).toBe(`arn:aws:kms:eu-west-1:${ACCOUNT}:key/${key.KeyId}`);
    expect(await refusal(t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId })))).toMatchObject({
      name: 'NotFoundException',
      message: `Key 'arn:aws:kms:us-east-1:${ACCOUNT}:key/${key.KeyId}' does not exist`,
    });
    expect(await refusal(t.kms.send(new DescribeKeyCommand({ KeyId: key.Arn })))).toMatchObject({ name: 'NotFoundException', message: 'Invalid arn eu-west-1' });
    const listed = (await t.kms.send(new ListKeysCommand({ Limit: 1000 }))).Keys!.map((k) => k.KeyId);
    expect(listed).not.toContain(key.KeyId);
  });

  it('aliases and AWS managed keys are per Region; the audit line carries the request\'s Region', async () => {
    const east = await t.createKey();
    const name = 'alias/per-region';
    await t.kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: east.KeyId }));
    expect((await refusal(west.send(new DescribeKeyCommand({ KeyId: name })))).name).toBe('NotFoundException');
    const managedEast = await describeIn(t.kms, 'alias/aws/s3');
    const managedWest = await describeIn(west, 'alias/aws/s3');
    expect(managedWest.KeyId).not.toBe(managedEast.KeyId);
    expect(managedWest.Arn).toContain(':eu-west-1:');
    const out = await west.send(new ListAliasesCommand({}));
    const entry = await t.auditEntry(out.$metadata.requestId!);
    expect(entry.awsRegion).toBe('eu-west-1');
  });
});

describe('multi-Region keys', () => {
  it('CreateKey MultiRegion: an mrk- id and a PRIMARY configuration with no replicas', async () => {
    const key = await t.createKey({ MultiRegion: true });
    expect(key.KeyId).toMatch(/^mrk-[0-9a-f]{32}$/);
    expect(key.MultiRegion).toBe(true);
    expect(key.MultiRegionConfiguration).toEqual({ MultiRegionKeyType: 'PRIMARY', PrimaryKey: { Arn: key.Arn, Region: 'us-east-1' }, ReplicaKeys: [] });
  });

  it('ReplicateKey: same id in the other Region\'s ARN, Creating then Enabled, and ciphertext crosses Regions both ways', async () => {
    const key = await t.createKey({ MultiRegion: true, Description: 'primary' });
    const out = await t.kms.send(new ReplicateKeyCommand({ KeyId: key.KeyId, ReplicaRegion: 'eu-west-1' }));
    const replica = out.ReplicaKeyMetadata!;
    expect(replica).toMatchObject({ KeyId: key.KeyId, Arn: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/${key.KeyId}`, KeyState: 'Creating', Enabled: false, Description: '' });
    expect(replica.MultiRegionConfiguration?.MultiRegionKeyType).toBe('REPLICA');
    expect(JSON.parse(out.ReplicaPolicy!).Statement[0].Principal.AWS).toBe(`arn:aws:iam::${ACCOUNT}:root`);
    expect((await refusal(west.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: Buffer.from('x') }))))).toMatchObject({ name: 'KMSInvalidStateException' });
    await t.advanceClock(2);
    expect((await describeIn(west, key.KeyId!)).KeyState).toBe('Enabled');
    const blob = (await t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: Buffer.from('east') }))).CiphertextBlob!;
    const decrypted = await west.send(new DecryptCommand({ CiphertextBlob: blob }));
    expect(Buffer.from(decrypted.Plaintext!).toString()).toBe('east');
    expect(decrypted.KeyId).toBe(replica.Arn);
    const back = (await west.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: Buffer.from('west') }))).CiphertextBlob!;
    expect(Buffer.from((await t.kms.send(new DecryptCommand({ CiphertextBlob: back }))).Plaintext!).toString()).toBe('west');
    expect((await describeIn(t.kms, key.KeyId!)).MultiRegionConfiguration?.ReplicaKeys).toEqual([{ Arn: replica.Arn, Region: 'eu-west-1' }]);
    expect((await refusal(t.kms.send(new ReplicateKeyCommand({ KeyId: key.KeyId, ReplicaRegion: 'eu-west-1' })))).name).toBe('AlreadyExistsException');
    expect(await refusal(west.send(new ReplicateKeyCommand({ KeyId: key.KeyId, ReplicaRegion: 'ap-southeast-1' })))).toMatchObject({
      name: 'UnsupportedOperationException',
      message: `${replica.Arn} is not a multi-region primary key.`,
    });
  });

  it('rotation is shared: material rotated on the primary decrypts in the replica', async () => {
    const key = await t.createKey({ MultiRegion: true });
    await t.kms.send(new ReplicateKeyCommand({ KeyId: key.KeyId, ReplicaRegion: 'ap-southeast-2' }));
    await t.advanceClock(2);
    await t.kms.send(new RotateKeyOnDemandCommand({ KeyId: key.KeyId }));
    const primary = await describeIn(t.kms, key.KeyId!);
    const replica = await describeIn(t.clientIn('ap-southeast-2'), key.KeyId!);
    expect(replica.CurrentKeyMaterialId).toBe(primary.CurrentKeyMaterialId);
    const blob = (await t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: Buffer.from('rotated') }))).CiphertextBlob!;
    expect(Buffer.from((await t.clientIn('ap-southeast-2').send(new DecryptCommand({ CiphertextBlob: blob }))).Plaintext!).toString()).toBe('rotated');
  });

  it('a primary with replicas waits in PendingReplicaDeletion until they are deleted, then PendingDeletion', async () => {
    const key = await t.createKey({ MultiRegion: true });
    const sa = t.clientIn('sa-east-1');
    await t.kms.send(new ReplicateKeyCommand({ KeyId: key.KeyId, ReplicaRegion: 'sa-east-1' }));
    await t.advanceClock(2);
    const scheduled = await t.kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
    expect(scheduled.KeyState).toBe('PendingReplicaDeletion');
    expect(scheduled.DeletionDate).toBeUndefined();
    const md = await describeIn(t.kms, key.KeyId!);
    expect(md).toMatchObject({ KeyState: 'PendingReplicaDeletion', PendingDeletionWindowInDays: 7 });
    expect(md.DeletionDate).toBeUndefined();
    await sa.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
    await t.advanceClock(8 * DAY_SECONDS);
    expect((await refusal(sa.send(new DescribeKeyCommand({ KeyId: key.KeyId })))).name).toBe('NotFoundException');
    const after = await describeIn(t.kms, key.KeyId!);
    expect(after.KeyState).toBe('PendingDeletion');
    expect(after.DeletionDate).toBeInstanceOf(Date);
  });

  it('UpdatePrimaryRegion swaps the roles', async () => {
    const key = await t.createKey({ MultiRegion: true });
    await t.kms.send(new ReplicateKeyCommand({ KeyId: key.KeyId, ReplicaRegion: 'eu-central-1' }));
    await t.advanceClock(2);
    await t.kms.send(new UpdatePrimaryRegionCommand({ KeyId: key.KeyId, PrimaryRegion: 'eu-central-1' }));
    const old = await describeIn(t.kms, key.KeyId!);
    expect(old.MultiRegionConfiguration).toMatchObject({ MultiRegionKeyType: 'REPLICA', PrimaryKey: { Region: 'eu-central-1' } });
    expect((await describeIn(t.clientIn('eu-central-1'), key.KeyId!)).MultiRegionConfiguration?.MultiRegionKeyType).toBe('PRIMARY');
  });
});

describe('faults', () => {
  it('replica-own-material: ciphertext of the primary does not decrypt in the replica', async () => {
    const f = await startInProcessKms({ faults: ['replica-own-material'] });
    try {
      const key = await f.createKey({ MultiRegion: true });
      await f.kms.send(new ReplicateKeyCommand({ KeyId: key.KeyId, ReplicaRegion: 'eu-west-1' }));
      await f.advanceClock(2);
      const blob = (await f.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: Buffer.from('x') }))).CiphertextBlob!;
      expect((await refusal(f.clientIn('eu-west-1').send(new DecryptCommand({ CiphertextBlob: blob })))).name).toBe('InvalidCiphertextException');
    } finally {
      await f.close();
    }
  });

  it('region-ignored: a key made "in" eu-west-1 is found from us-east-1', async () => {
    const f = await startInProcessKms({ faults: ['region-ignored'] });
    try {
      const key = (await f.clientIn('eu-west-1').send(new CreateKeyCommand({}))).KeyMetadata!;
      expect(key.Arn).toContain(':us-east-1:');
    } finally {
      await f.close();
    }
  });
});
