/**
 * Key rotation through the unmodified AWS SDK: EnableKeyRotation, DisableKeyRotation,
 * GetKeyRotationStatus, RotateKeyOnDemand, ListKeyRotations — shapes, periods, key states,
 * the 25 on-demand rotations limit, and automatic rotation on the advanced server clock.
 *
 * Sources: spec/aws-observed.md (4.3, section 8, KS-OLD table in 2.2, C9), spec/kms-facts.md and
 * the MODEL docs of GetKeyRotationStatus / RotateKeyOnDemand / EnableKeyRotation.
 * Lines marked INFERRED assert our documented behaviour where AWS's answer is unknown.
 */
import {
  CancelKeyDeletionCommand,
  CreateAliasCommand,
  DecryptCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  DisableKeyRotationCommand,
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
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aliasArnOf, DAY_SECONDS, keyArnOf, members, refusal, startInProcessKms, type InProcessKms } from '../../test/support/in-process-kms.js';

let t: InProcessKms;
beforeAll(async () => {
  t = await startInProcessKms();
});
afterAll(async () => {
  await t?.close();
});

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
  it('is exactly {KeyId, KeyRotationEnabled: false} for a new key (4.3; KeyId form INFERRED: the key ARN)', async () => {
    const key = await t.createKey();
    const out = await status(key.KeyId!);
    expect(members(out)).toEqual(['KeyId', 'KeyRotationEnabled']);
    expect(out).toMatchObject({ KeyId: key.Arn, KeyRotationEnabled: false });
  });

  it('shows RotationPeriodInDays 365 and a NextRotationDate a year out after EnableKeyRotation (4.3)', async () => {
    const key = await t.createKey();
    const before = await t.now();
    const out = await enableRotation(key.KeyId!);
    expect(members(out)).toEqual([]);
    const s = await status(key.Arn!);
    expect(members(s)).toEqual(['KeyId', 'KeyRotationEnabled', 'NextRotationDate', 'RotationPeriodInDays']);
    expect(s).toMatchObject({ KeyRotationEnabled: true, RotationPeriodInDays: 365 });
    const next = s.NextRotationDate!.getTime() / 1000;
    expect(next).toBeGreaterThanOrEqual(before + 365 * DAY_SECONDS - 1);
    expect(next).toBeLessThanOrEqual(before + 365 * DAY_SECONDS + 60);
  });

  it.each([90, 180, 2560])('honours RotationPeriodInDays %i (4.3; model 90..2560)', async (days) => {
    const key = await t.createKey();
    const before = await t.now();
    await enableRotation(key.KeyId!, days);
    const s = await status(key.KeyId!);
    expect(s.RotationPeriodInDays).toBe(days);
    expect(s.NextRotationDate!.getTime() / 1000 - before).toBeCloseTo(days * DAY_SECONDS, -2);
  });

  it('is exactly {KeyId, KeyRotationEnabled: false} again after DisableKeyRotation (4.3)', async () => {
    const key = await t.createKey();
    await enableRotation(key.KeyId!);
    const out = await t.kms.send(new DisableKeyRotationCommand({ KeyId: key.KeyId }));
    expect(members(out)).toEqual([]);
    const s = await status(key.KeyId!);
    expect(members(s)).toEqual(['KeyId', 'KeyRotationEnabled']);
    expect(s.KeyRotationEnabled).toBe(false);
  });

  it('does not change when the key is disabled (MODEL GetKeyRotationStatus doc)', async () => {
    const key = await t.createKey();
    await enableRotation(key.KeyId!);
    await t.kms.send(new DisableKeyCommand({ KeyId: key.KeyId }));
    expect((await status(key.KeyId!)).KeyRotationEnabled).toBe(true);
  });

  it('is false while pending deletion and comes back after CancelKeyDeletion (MODEL GetKeyRotationStatus doc)', async () => {
    const key = await t.createKey();
    await enableRotation(key.KeyId!, 90);
    await t.kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
    expect(await status(key.KeyId!)).toMatchObject({ KeyRotationEnabled: false });
    expect((await status(key.KeyId!)).RotationPeriodInDays).toBeUndefined();
    await t.kms.send(new CancelKeyDeletionCommand({ KeyId: key.KeyId }));
    expect(await status(key.KeyId!)).toMatchObject({ KeyRotationEnabled: true, RotationPeriodInDays: 90 });
  });

  it('refuses an EXTERNAL key: "<arn> origin is EXTERNAL which is not valid for this operation." (KS-OLD [6], R8)', async () => {
    const key = await t.createKey({ Origin: 'EXTERNAL' });
    expect(await refusal(status(key.KeyId!))).toEqual({
      name: 'UnsupportedOperationException',
      message: `${key.Arn} origin is EXTERNAL which is not valid for this operation.`,
      status: 400,
    });
  });

  it('refuses an alias (MODEL: key id or key ARN; wording INFERRED) and answers an absent key with N1', async () => {
    const key = await t.createKey();
    await t.kms.send(new CreateAliasCommand({ AliasName: 'alias/rotation-test/status', TargetKeyId: key.KeyId }));
    expect(await refusal(status('alias/rotation-test/status'))).toEqual({
      name: 'NotFoundException',
      message: "Invalid keyId 'alias/rotation-test/status'",
      status: 400,
    });
    const absent = '1234abcd-12ab-34cd-56ef-1234567890ab';
    expect((await refusal(status(absent))).message).toBe(`Key '${keyArnOf(absent)}' does not exist`);
  });
});

describe('EnableKeyRotation / DisableKeyRotation refusals', () => {
  it.each([
    [89, 'Member must have value greater than or equal to 90'],
    [2561, 'Member must have value less than or equal to 2560'],
  ])('refuses RotationPeriodInDays %i (6.2, INFERRED wording)', async (days, constraint) => {
    const key = await t.createKey();
    expect(await refusal(enableRotation(key.KeyId!, days))).toEqual({
      name: 'ValidationException',
      message: `1 validation error detected: Value '${days}' at 'rotationPeriodInDays' failed to satisfy constraint: ${constraint}`,
      status: 400,
    });
    expect((await status(key.KeyId!)).KeyRotationEnabled).toBe(false);
  });

  it('Disabled key: both → DisabledException "<arn> is disabled." (S10, KS-OLD [1])', async () => {
    const key = await t.createKey();
    await t.kms.send(new DisableKeyCommand({ KeyId: key.KeyId }));
    const expected = { name: 'DisabledException', message: `${key.Arn} is disabled.`, status: 400 };
    expect(await refusal(enableRotation(key.KeyId!))).toEqual(expected);
    expect(await refusal(t.kms.send(new DisableKeyRotationCommand({ KeyId: key.KeyId })))).toEqual(expected);
  });

  it('PendingDeletion key: both → "<arn> is pending deletion." (KS-OLD [3])', async () => {
    const key = await t.createKey();
    await t.kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
    const expected = { name: 'KMSInvalidStateException', message: `${key.Arn} is pending deletion.`, status: 400 };
    expect(await refusal(enableRotation(key.KeyId!))).toEqual(expected);
    expect(await refusal(t.kms.send(new DisableKeyRotationCommand({ KeyId: key.KeyId })))).toEqual(expected);
  });

  it('EXTERNAL key pending import: both → UnsupportedOperationException, origin EXTERNAL (KS-OLD [6])', async () => {
    const key = await t.createKey({ Origin: 'EXTERNAL' });
    const expected = {
      name: 'UnsupportedOperationException',
      message: `${key.Arn} origin is EXTERNAL which is not valid for this operation.`,
      status: 400,
    };
    expect(await refusal(enableRotation(key.KeyId!))).toEqual(expected);
    expect(await refusal(t.kms.send(new DisableKeyRotationCommand({ KeyId: key.KeyId })))).toEqual(expected);
  });

  it('refuses an alias ARN (MODEL: key id or key ARN; wording INFERRED)', async () => {
    const key = await t.createKey();
    await t.kms.send(new CreateAliasCommand({ AliasName: 'alias/rotation-test/enable', TargetKeyId: key.KeyId }));
    const id = aliasArnOf('alias/rotation-test/enable');
    expect(await refusal(enableRotation(id))).toEqual({ name: 'NotFoundException', message: `Invalid keyId '${id}'`, status: 400 });
  });
});

describe('RotateKeyOnDemand', () => {
  it('answers {KeyId} with the same value as GetKeyRotationStatus (4.3) and makes new material current', async () => {
    const key = await t.createKey();
    const out = await rotateNow(key.KeyId!);
    expect(members(out)).toEqual(['KeyId']);
    expect(out.KeyId).toBe((await status(key.KeyId!)).KeyId);
    expect(out.KeyId).toBe(key.Arn);
    const now = await currentMaterial(key.KeyId!);
    expect(now).toMatch(/^[0-9a-f]{64}$/);
    expect(now).not.toBe(key.CurrentKeyMaterialId);
  });

  it('keeps old ciphertext decryptable under its own material; new ciphertext uses the new one (C9, facts sheet)', async () => {
    const key = await t.createKey();
    const before = await encrypt(key, 'before rotation');
    await rotateNow(key.Arn!);
    const after = await encrypt(key, 'after rotation');
    const old = await decrypt(before);
    expect(old).toEqual({ text: 'before rotation', materialId: key.CurrentKeyMaterialId });
    const fresh = await decrypt(after);
    expect(fresh).toEqual({ text: 'after rotation', materialId: await currentMaterial(key.KeyId!) });
    expect(fresh.materialId).not.toBe(old.materialId);
  });

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

  it('allows 25 on-demand rotations and refuses the 26th with the observed message (R4, DG quota 25)', async () => {
    const key = await t.createKey();
    const first = await encrypt(key, 'generation 0');
    for (let i = 0; i < 25; i++) await rotateNow(key.KeyId!);
    expect(await refusal(rotateNow(key.KeyId!))).toEqual({
      name: 'LimitExceededException',
      message: `The on-demand rotations limit has been reached for the given keyId. No more on-demand rotations can be performed for this key: ${key.Arn}`,
      status: 400,
    });
    expect(await rotations(key.KeyId!)).toHaveLength(25);
    expect((await decrypt(first)).text).toBe('generation 0');
  });

  it('Disabled key → DisabledException "<arn> is disabled." (S6, R5)', async () => {
    const key = await t.createKey();
    await t.kms.send(new DisableKeyCommand({ KeyId: key.KeyId }));
    expect(await refusal(rotateNow(key.KeyId!))).toEqual({ name: 'DisabledException', message: `${key.Arn} is disabled.`, status: 400 });
  });

  it('PendingDeletion key → "<arn> is pending deletion." (KS-OLD [3])', async () => {
    const key = await t.createKey();
    await t.kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
    expect(await refusal(rotateNow(key.KeyId!))).toEqual({
      name: 'KMSInvalidStateException',
      message: `${key.Arn} is pending deletion.`,
      status: 400,
    });
  });

  it('EXTERNAL key without material → UnsupportedOperationException, origin EXTERNAL (R3 pre-2025 wording; current AWS INFERRED)', async () => {
    const key = await t.createKey({ Origin: 'EXTERNAL' });
    expect(await refusal(rotateNow(key.KeyId!))).toEqual({
      name: 'UnsupportedOperationException',
      message: `${key.Arn} origin is EXTERNAL which is not valid for this operation.`,
      status: 400,
    });
  });

  it('answers an absent key with "Key \'<arn>\' does not exist" (N10)', async () => {
    const absent = '1234abcd-12ab-34cd-56ef-1234567890ab';
    expect(await refusal(rotateNow(absent))).toEqual({
      name: 'NotFoundException',
      message: `Key '${keyArnOf(absent)}' does not exist`,
      status: 400,
    });
  });
});

describe('ListKeyRotations', () => {
  it('is {Rotations: [], Truncated: false} for a key never rotated', async () => {
    const key = await t.createKey();
    const out = await t.kms.send(new ListKeyRotationsCommand({ KeyId: key.KeyId }));
    expect(members(out)).toEqual(['Rotations', 'Truncated']);
    expect(out).toMatchObject({ Rotations: [], Truncated: false });
  });

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

  it('pages with Limit / Marker / Truncated / NextMarker, oldest first', async () => {
    const key = await t.createKey();
    const materials: string[] = [];
    for (let i = 0; i < 5; i++) {
      await rotateNow(key.KeyId!);
      materials.push(await currentMaterial(key.KeyId!));
    }
    const first = await t.kms.send(new ListKeyRotationsCommand({ KeyId: key.KeyId, Limit: 2 }));
    expect(first.Rotations).toHaveLength(2);
    expect(first.Truncated).toBe(true);
    expect(typeof first.NextMarker).toBe('string');
    expect((await rotations(key.KeyId!, undefined, 2)).map((r) => r.KeyMaterialId)).toEqual(materials);
    const r = await refusal(t.kms.send(new ListKeyRotationsCommand({ KeyId: key.KeyId, Marker: 'bogus' })));
    expect([r.name, r.status]).toEqual(['InvalidMarkerException', 400]);
  });

  it('refuses an EXTERNAL key (origin EXTERNAL, INFERRED for this operation) and an alias name', async () => {
    const ext = await t.createKey({ Origin: 'EXTERNAL' });
    expect((await refusal(rotations(ext.KeyId!))).name).toBe('UnsupportedOperationException');
    const key = await t.createKey();
    await t.kms.send(new CreateAliasCommand({ AliasName: 'alias/rotation-test/list', TargetKeyId: key.KeyId }));
    expect((await refusal(rotations('alias/rotation-test/list'))).message).toBe("Invalid keyId 'alias/rotation-test/list'");
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
