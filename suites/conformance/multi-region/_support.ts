/**
 * Helpers for the multi-Region cases (every Region at one endpoint, multi-Region keys). Not a case
 * file: it has no default export.
 *
 * @module
 */
import { CreateKeyCommand, DescribeKeyCommand, ReplicateKeyCommand, ScheduleKeyDeletionCommand, type KMSClient, type KeyMetadata } from '@aws-sdk/client-kms';
import type { CaseContext, CaseSource } from '../../../harness/conformance/case.js';
import { givenKey } from '../_lib/prerequisites.js';

export const MRK_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/multi-region-keys-overview.html';
export const REPLICATE_DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ReplicateKey.html';
export const UPDATE_PRIMARY_DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdatePrimaryRegion.html';
export const DELETE_MRK_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/multi-region-keys-delete.html';
export const REGIONS_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/overview.html#kms-regions';
export const VERIFIED = '2026-12-07';

export const documented = (cite: string): CaseSource => ({ kind: 'documented', cite, verifiedAt: VERIFIED });
export const inferred = (cite: string): CaseSource => ({ kind: 'inferred', cite, verifiedAt: VERIFIED });
export const MODEL = (member: string): string => `service model: ${member}`;

/** Regions other than the run's, in the run's partition (commercial Regions when it is `aws`). */
export function otherRegions(t: CaseContext): string[] {
  const pool = t.region.startsWith('cn-') ? ['cn-north-1', 'cn-northwest-1'] : ['us-west-2', 'eu-west-1', 'ap-southeast-2', 'eu-central-1', 'ap-northeast-1', 'sa-east-1'];
  return pool.filter((r) => r !== t.region);
}

/** A Region other than the run's. */
export const replicaRegion = (t: CaseContext, n = 0): string => otherRegions(t)[n]!;

/** A fresh multi-Region primary key in the run's Region: a prerequisite (`t.given`), `unsupported` where the endpoint makes none (UnsupportedOperationException). */
export async function primaryKey(t: CaseContext, input: Record<string, unknown> = {}) {
  return givenKey(t, { MultiRegion: true, ...input });
}

export async function describeIn(kms: KMSClient, keyId: string): Promise<KeyMetadata> {
  return (await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until the replica in `region` has left the transient Creating state ("This key state
 * changes to Enabled (or PendingImport) after a few seconds"); polls for up to 60 s.
 */
export async function awaitReplica(t: CaseContext, keyId: string, region: string): Promise<KeyMetadata> {
  const kms = t.kmsIn(region);
  for (let i = 0; i < 120; i++) {
    const md = await describeIn(kms, keyId);
    if (md.KeyState !== 'Creating') return md;
    await sleep(500);
  }
  t.check(false, 'the replica leaves the Creating state within 60 s');
  throw new Error('unreachable');
}

/** ReplicateKey into `region` (the replica is scheduled for deletion after the case). */
export async function replicateOnly(t: CaseContext, keyId: string, region: string, input: Record<string, unknown> = {}) {
  const out = await t.kms.send(new ReplicateKeyCommand({ KeyId: keyId, ReplicaRegion: region, ...input }));
  t.cleanup(() => t.kmsIn(region).send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 })));
  return out;
}

/** ReplicateKey into `region`, then waits for the replica to be ready. */
export async function replicate(t: CaseContext, keyId: string, region: string, input: Record<string, unknown> = {}) {
  const out = await replicateOnly(t, keyId, region, input);
  const ready = await awaitReplica(t, keyId, region);
  return { out, ready };
}

/** A ready replica in `region` ({@link replicate}), as a prerequisite of cases about using or managing it. */
export function givenReplica(t: CaseContext, keyId: string, region: string, input: Record<string, unknown> = {}) {
  return t.given(`ReplicateKey into ${region} gives a replica that leaves Creating`, () => replicate(t, keyId, region, input), {
    coveredBy: 'multi-region.replica-becomes-enabled',
  });
}

/** A single-Region key created in another Region (through `t.kmsIn`), as a prerequisite. */
export function givenKeyIn(t: CaseContext, region: string, input: Record<string, unknown> = {}): Promise<KeyMetadata> {
  return t.given(`CreateKey in ${region}`, async () => {
    const md = (await t.kmsIn(region).send(new CreateKeyCommand(input))).KeyMetadata;
    t.check(typeof md?.KeyId === 'string', 'CreateKey answers KeyMetadata.KeyId', md);
    return md!;
  }, { coveredBy: 'multi-region.key-arn-names-its-region' });
}

/** ScheduleKeyDeletion of a primary that has replicas: PendingReplicaDeletion, as a prerequisite. */
export function givenPendingReplicaDeletion(t: CaseContext, keyId: string) {
  return t.given('ScheduleKeyDeletion puts the primary in PendingReplicaDeletion', () => t.kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 })), {
    coveredBy: 'multi-region.pending-replica-deletion',
  });
}
