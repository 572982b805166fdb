/**
 * The rotation handlers and the keyring's rotation lifecycle in-process, for what the conformance
 * suite (suites/conformance/rotation, key-state) does not pin down: EXTERNAL keys and key id forms,
 * ListKeyRotations entries and ALL_KEY_MATERIAL, and automatic rotation on the advanced server
 * clock — dated when due (catching up on several periods at once), not for a disabled key or one
 * pending deletion, once on re-enable after the date was missed.
 *
 * Sources: spec/aws-observed.md (4.3, section 8, KS-OLD table in 2.2, C9), spec/kms-facts.md and
 * the MODEL docs of GetKeyRotationStatus / RotateKeyOnDemand / EnableKeyRotation.
 * Lines marked INFERRED assert our documented behaviour where AWS's answer is unknown.
 */
import {
  CancelKeyDeletionCommand,
  DecryptCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EnableKeyCommand,
  EnableKeyRotationCommand,
  EncryptCommand,
  GetKeyRotationStatusCommand,
  ListKeyRotationsCommand,
  RotateKeyOnDemandCommand,
  ScheduleKeyDeletionCommand,
  type KeyMetadata,
  type RotationsListEntry,
} from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { DAY_SECONDS, expectAbsentKeyRefused, expectAliasRefused, members, refusal, inProcessKmsForFile } from '../../test/support/in-process-kms.js';

const t = inProcessKmsForFile();

const DAY_MS = DAY_SECONDS * 1000;
const status = (KeyId: string) => t.kms.send(new GetKeyRotationStatusCommand({ KeyId }));
const enableRotation = (KeyId: string, RotationPeriodInDays?: number) =>
  t.kms.send(new EnableKeyRotationCommand({ KeyId, RotationPeriodInDays }));
const rotateNow = (KeyId: string) => t.kms.send(new RotateKeyOnDemandCommand({ KeyId }));
const currentMaterial = async (KeyId: string) =>
  (await t.kms.send(new DescribeKeyCommand({ KeyId }))).KeyMetadata!.CurrentKeyMaterialId!;

async function rotations(KeyId: string, IncludeKeyMaterial?: 'ALL_KEY_MATERIAL' | 'ROTATIONS_ONLY', Limit?: number) {
  const out: RotationsListEntry[] = [];
  let Marker: string | undefined;
  do {
    const page = await t.kms.send(new ListKeyRotationsCommand({ KeyId, IncludeKeyMaterial, Limit, Marker }));
    out.push(...page.Rotations!);
    Marker = page.NextMarker;
  } while (Marker);
  return out;
}

async function encrypt(key: KeyMetadata, text: string) {
  return (await t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: Buffer.from(text) }))).CiphertextBlob!;
}

async function decrypt(blob: Uint8Array) {
  const out = await t.kms.send(new DecryptCommand({ CiphertextBlob: blob }));
  return { text: Buffer.from(out.Plaintext!).toString(), materialId: out.KeyMaterialId };
}

describe('GetKeyRotationStatus', () => {
  it('refuses an EXTERNAL key: "<arn> origin is EXTERNAL which is not valid for this operation." (KS-OLD [6], R8)', async () => {
    const key = await t.createKey({ Origin: 'EXTERNAL' });
    expect(await refusal(status(key.KeyId!))).toEqual({
      name: 'UnsupportedOperationException',
      message: `${key.Arn} origin is EXTERNAL which is not valid for this operation.`,
      status: 400,
    });
  });

  it('refuses an alias (MODEL: key id or key ARN; wording INFERRED) and answers an absent key with N1', async () => {
    await expectAliasRefused(t, 'alias/rotation-test/status', 'name', status);
    await expectAbsentKeyRefused(status);
  });
});

describe('EnableKeyRotation / DisableKeyRotation refusals', () => {
  it('refuses an alias ARN (MODEL: key id or key ARN; wording INFERRED)', async () => {
    await expectAliasRefused(t, 'alias/rotation-test/enable', 'arn', (KeyId) => enableRotation(KeyId));
  });
});

describe('RotateKeyOnDemand', () => {
  it('leaves the automatic schedule alone (MODEL RotateKeyOnDemand doc) and has no OnDemandRotationStartDate once done (4.3)', async () => {
    const key = await t.createKey();
    await enableRotation(key.KeyId!, 180);
    const scheduled = (await status(key.KeyId!)).NextRotationDate!.getTime();
    await rotateNow(key.KeyId!);
    const s = await status(key.KeyId!);
    expect(s.NextRotationDate!.getTime()).toBe(scheduled);
    expect(s.OnDemandRotationStartDate).toBeUndefined();
    expect(s).toMatchObject({ KeyRotationEnabled: true, RotationPeriodInDays: 180 });
  });

  it('EXTERNAL key without material → pending import (imported material rotates on demand since 2025-06-05; R3 was the answer before)', async () => {
    const key = await t.createKey({ Origin: 'EXTERNAL' });
    expect(await refusal(rotateNow(key.KeyId!))).toEqual({
      name: 'KMSInvalidStateException',
      message: `${key.Arn} is pending import.`,
      status: 400,
    });
  });
});

describe('ListKeyRotations', () => {
  it('lists an ON_DEMAND entry per rotation (MODEL entry members; no AWS capture, INFERRED values)', async () => {
    const key = await t.createKey();
    const before = await t.now();
    await rotateNow(key.KeyId!);
    const list = await rotations(key.Arn!);
    expect(list).toHaveLength(1);
    const [r] = list;
    expect(members(r!)).toEqual(['ExpirationModel', 'KeyId', 'KeyMaterialId', 'KeyMaterialState', 'RotationDate', 'RotationType']);
    expect(r).toMatchObject({
      KeyId: key.KeyId,
      KeyMaterialId: await currentMaterial(key.KeyId!),
      KeyMaterialState: 'CURRENT',
      ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
      RotationType: 'ON_DEMAND',
    });
    expect(r!.RotationDate!.getTime() / 1000).toBeGreaterThanOrEqual(before - 1);
  });

  it('adds the first material with ALL_KEY_MATERIAL (MODEL IncludeKeyMaterial doc)', async () => {
    const key = await t.createKey();
    await rotateNow(key.KeyId!);
    const all = await rotations(key.KeyId!, 'ALL_KEY_MATERIAL');
    expect(all.map((r) => r.KeyMaterialId)).toEqual([key.CurrentKeyMaterialId, await currentMaterial(key.KeyId!)]);
    expect(all.map((r) => r.KeyMaterialState)).toEqual(['NON_CURRENT', 'CURRENT']);
    expect(all[0]!.RotationType).toBeUndefined();
    expect(await rotations(key.KeyId!, 'ROTATIONS_ONLY')).toHaveLength(1);
  });

  it('lists nothing yet for a symmetric EXTERNAL key before its first import (it rotates on demand since 2025-06-05); refuses an alias name', async () => {
    const ext = await t.createKey({ Origin: 'EXTERNAL' });
    expect(await rotations(ext.KeyId!, 'ALL_KEY_MATERIAL')).toEqual([]);
    await expectAliasRefused(t, 'alias/rotation-test/list', 'name', (KeyId) => rotations(KeyId));
  });
});

// Moves the server clock: keep this block last in the file.
describe('automatic rotation (clock advanced)', () => {
  it('rotates after the period; old ciphertext still decrypts; ListKeyRotations shows AUTOMATIC (facts sheet)', async () => {
    const key = await t.createKey();
    await enableRotation(key.KeyId!, 90);
    const yearly = await t.createKey();
    await enableRotation(yearly.KeyId!);
    const never = await t.createKey();
    const blob = await encrypt(key, 'before automatic rotation');
    const scheduled = (await status(key.KeyId!)).NextRotationDate!.getTime();

    await t.advanceClock(90 * DAY_SECONDS - 60);
    expect(await rotations(key.KeyId!)).toEqual([]);

    await t.advanceClock(120);
    const list = await rotations(key.KeyId!);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ RotationType: 'AUTOMATIC', KeyMaterialState: 'CURRENT' });
    expect(list[0]!.RotationDate!.getTime()).toBe(scheduled);
    const current = await currentMaterial(key.KeyId!);
    expect(current).not.toBe(key.CurrentKeyMaterialId);
    expect(list[0]!.KeyMaterialId).toBe(current);
    expect(await decrypt(blob)).toEqual({ text: 'before automatic rotation', materialId: key.CurrentKeyMaterialId });
    expect((await decrypt(await encrypt(key, 'after'))).materialId).toBe(current);

    const s = await status(key.KeyId!);
    expect(s.NextRotationDate!.getTime()).toBe(scheduled + 90 * DAY_MS);
    expect(await rotations(yearly.KeyId!)).toEqual([]);
    expect(await rotations(never.KeyId!)).toEqual([]);
    expect(await currentMaterial(never.KeyId!)).toBe(never.CurrentKeyMaterialId);
  });

  it('rotates a key with the default period after 365 days', async () => {
    const key = await t.createKey();
    await enableRotation(key.KeyId!);
    await t.advanceClock(365 * DAY_SECONDS + 60);
    const list = await rotations(key.KeyId!);
    expect(list.map((r) => r.RotationType)).toEqual(['AUTOMATIC']);
  });

  it('catches up on every period the clock jumped over, each rotation dated when it was due', async () => {
    const key = await t.createKey();
    await enableRotation(key.KeyId!, 90);
    const first = (await status(key.KeyId!)).NextRotationDate!.getTime();
    await t.advanceClock(3 * 90 * DAY_SECONDS + 60);
    const list = await rotations(key.KeyId!);
    expect(list.map((r) => r.RotationType)).toEqual(['AUTOMATIC', 'AUTOMATIC', 'AUTOMATIC']);
    expect(list.map((r) => r.RotationDate!.getTime())).toEqual([first, first + 90 * DAY_MS, first + 180 * DAY_MS]);
    expect(list.map((r) => r.KeyMaterialState)).toEqual(['NON_CURRENT', 'NON_CURRENT', 'CURRENT']);
    expect((await status(key.KeyId!)).NextRotationDate!.getTime()).toBe(first + 270 * DAY_MS);
  });

  it('does not rotate a disabled key; on re-enable after the date it rotates once, now, and restarts the period (MODEL GetKeyRotationStatus "Disabled")', async () => {
    const key = await t.createKey();
    await enableRotation(key.KeyId!, 90);
    await t.kms.send(new DisableKeyCommand({ KeyId: key.KeyId }));
    await t.advanceClock(200 * DAY_SECONDS);
    expect(await rotations(key.KeyId!)).toEqual([]);
    const now = await t.now();
    await t.kms.send(new EnableKeyCommand({ KeyId: key.KeyId }));
    const list = await rotations(key.KeyId!);
    expect(list).toHaveLength(1);
    expect(list[0]!.RotationType).toBe('AUTOMATIC');
    expect(list[0]!.RotationDate!.getTime() / 1000).toBeCloseTo(now, -1);
    expect((await status(key.KeyId!)).NextRotationDate!.getTime() / 1000).toBeCloseTo(now + 90 * DAY_SECONDS, -1);
  });

  it('resumes the prior schedule when re-enabled before the rotation date (MODEL GetKeyRotationStatus "Disabled")', async () => {
    const key = await t.createKey();
    await enableRotation(key.KeyId!, 90);
    const scheduled = (await status(key.KeyId!)).NextRotationDate!.getTime();
    await t.kms.send(new DisableKeyCommand({ KeyId: key.KeyId }));
    await t.advanceClock(10 * DAY_SECONDS);
    await t.kms.send(new EnableKeyCommand({ KeyId: key.KeyId }));
    expect(await rotations(key.KeyId!)).toEqual([]);
    expect((await status(key.KeyId!)).NextRotationDate!.getTime()).toBe(scheduled);
  });

  it('does not rotate a key pending deletion', async () => {
    const key = await t.createKey();
    await enableRotation(key.KeyId!, 90);
    await t.advanceClock(85 * DAY_SECONDS);
    await t.kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 30 }));
    await t.advanceClock(10 * DAY_SECONDS); // past the rotation date, inside the waiting period
    expect(await rotations(key.KeyId!)).toEqual([]);
    await t.kms.send(new CancelKeyDeletionCommand({ KeyId: key.KeyId }));
    expect(await rotations(key.KeyId!)).toEqual([]);
    expect((await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!.KeyState).toBe('Disabled');
  });
});
