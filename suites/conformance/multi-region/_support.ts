/**
 * Helpers for the multi-Region cases (every Region at one endpoint, multi-Region keys). Not a case
 * file: it has no default export.
 *
 * @module
 */
import { CreateKeyCommand, DescribeKeyCommand, ReplicateKeyCommand, ScheduleKeyDeletionCommand, type KMSClient, type KeyMetadata } from '@aws-sdk/client-kms';
import type { CaseContext, CaseSource, ConformanceCase } from '../../../harness/conformance/case.js';
import type { Key } from '../key-state/_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { areaCase, type AreaMeta } from '../_lib/area-case.js';
import { documented, recorded } from '../_lib/sources.js';

export const MRK_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/multi-region-keys-overview.html';
export const REPLICATE_DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ReplicateKey.html';
export const UPDATE_PRIMARY_DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdatePrimaryRegion.html';
export const DELETE_MRK_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/multi-region-keys-delete.html';
export const REGIONS_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/overview.html#kms-regions';

export { documented, inferred, MODEL } from '../_lib/sources.js';

/** The capture of CreateKey MultiRegion and ReplicateKey replies the configuration cases check. */
export const RECORDED_M1: CaseSource = recorded('spec/aws-observed.md §4.1 and §14 M1 (LS-SNAP test_create_multi_region_key, test_replicate_key)', { verifiedAt: '2024-04-11' });

/** ReplicateKey's promise that primary and replica can be used interchangeably across Regions. */
export const INTERCHANGEABLE = documented(`${REPLICATE_DOC} ("Because these KMS keys have the same key ID, key material, and other metadata, you can use them interchangeably to encrypt data in one Amazon Web Services Region and decrypt it in a different Amazon Web Services Region")`);

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

/** DescribeKey of `keyId` through `kms` (a Region's client); an answer without KeyMetadata fails the case. */
export async function describeIn(t: CaseContext, kms: KMSClient, keyId: string): Promise<KeyMetadata> {
  const out = await kms.send(new DescribeKeyCommand({ KeyId: keyId }));
  t.check(out.KeyMetadata !== undefined, 'DescribeKey answers KeyMetadata', out);
  return out.KeyMetadata!;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until the replica in `region` has left the transient Creating state ("This key state
 * changes to Enabled (or PendingImport) after a few seconds"); polls for up to 60 s.
 */
export async function awaitReplica(t: CaseContext, keyId: string, region: string): Promise<KeyMetadata> {
  const kms = t.kmsIn(region);
  for (let i = 0; i < 120; i++) {
    const md = await describeIn(t, kms, keyId);
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

/** What a multi-Region case declares besides the area's own: `tags` after multi-region, `ops` after its setup's. */
export type MrkMeta = AreaMeta;

/**
 * A multi-Region case: tagged `multi-region`, with 120 s to run (a replica takes seconds to leave
 * Creating, and some cases wait for shared properties to be synchronised).
 */
export const mrkCase = (c: MrkMeta & { run(t: CaseContext): Promise<void> }): ConformanceCase => areaCase('multi-region', c, 120_000);

/** A case about Regions being apart (each its own keys, aliases, listing): `body` gets a Region other than the run's. */
export function perRegionCase(c: Omit<MrkMeta, 'doc'> & { body(t: CaseContext, region: string): Promise<void> }): ConformanceCase {
  return mrkCase({ ...c, doc: REGIONS_DOC, run: (t) => c.body(t, replicaRegion(t)) });
}

/**
 * A case about a single-Region key created in another Region, from the capture of LS-SNAP
 * test_get_key_in_different_region (aws-observed.md §1 N8; `step`, the capture's step, where the
 * case checks one): `body` gets that Region.
 */
export function otherRegionKeyCase(c: { behaviour: string; title: string; step?: string; body(t: CaseContext, region: string): Promise<void> }): ConformanceCase {
  const cite = `spec/aws-observed.md §1 N8 (LS-SNAP test_get_key_in_different_region${c.step ? ` ${c.step}` : ''})`;
  return perRegionCase({ ...c, source: recorded(cite, { verifiedAt: '2024-06-14' }), tags: ['semantics'], ops: ['CreateKey', 'DescribeKey'] });
}

/**
 * A case about a fresh multi-Region primary ({@link primaryKey}, CreateKey with `primary` besides
 * MultiRegion): `ops` are those after CreateKey; `body` gets the key and a Region other than the run's.
 */
export function primaryCase(
  c: MrkMeta & { primary?: Record<string, unknown>; body(t: CaseContext, key: Key, region: string): Promise<void> },
): ConformanceCase {
  const { primary, body, ...meta } = c;
  return mrkCase({
    ...meta,
    ops: ['CreateKey', ...c.ops],
    async run(t) {
      const key = await primaryKey(t, primary);
      await body(t, key, replicaRegion(t));
    },
  });
}

/** What a case about a primary and its replica in `region` checks. */
export interface ReplicaBody {
  body(t: CaseContext, key: Key, region: string, replica: KeyMetadata): Promise<void>;
}

/**
 * A case about a primary with a ready replica in `region` ({@link givenReplica}): `ops` are those
 * after CreateKey, ReplicateKey and DescribeKey; `body` also gets the replica's metadata.
 */
export function replicaCase(c: MrkMeta & ReplicaBody): ConformanceCase {
  const { body, ...meta } = c;
  return primaryCase({
    ...meta,
    ops: ['ReplicateKey', 'DescribeKey', ...c.ops],
    async body(t, key, region) {
      const { ready } = await givenReplica(t, key.KeyId, region);
      await body(t, key, region, ready);
    },
  });
}

/** A case about data crossing Regions under the two keys (doc and source: {@link INTERCHANGEABLE}). */
export const interchangeableCase = (c: Omit<MrkMeta, 'doc' | 'source'> & ReplicaBody): ConformanceCase =>
  replicaCase({ ...c, doc: MRK_DOC, source: INTERCHANGEABLE });

/**
 * A case about a primary put in PendingReplicaDeletion ({@link givenPendingReplicaDeletion}) while
 * its replica in `region` exists: tagged `deletion`; `ops` are those after ScheduleKeyDeletion.
 */
export function pendingReplicaDeletionCase(c: Omit<MrkMeta, 'doc'> & { body(t: CaseContext, key: Key, region: string): Promise<void> }): ConformanceCase {
  const { body, ...meta } = c;
  return replicaCase({
    ...meta,
    doc: DELETE_MRK_DOC,
    tags: ['deletion', ...(c.tags ?? [])],
    ops: ['ScheduleKeyDeletion', ...c.ops],
    async body(t, key, region) {
      await givenPendingReplicaDeletion(t, key.KeyId);
      await body(t, key, region);
    },
  });
}

/** `call` on a primary in PendingReplicaDeletion is refused: KMSInvalidStateException (tagged `key-state`). */
export function pendingReplicaDeletionRefuses(
  c: Omit<MrkMeta, 'doc' | 'tags'> & { call(t: CaseContext, keyId: string): Promise<unknown> },
): ConformanceCase {
  const { call, ...meta } = c;
  return pendingReplicaDeletionCase({
    ...meta,
    tags: ['key-state'],
    async body(t, key) {
      await t.expectError(call(t, key.KeyId), { code: 'KMSInvalidStateException', status: 400 });
    },
  });
}
