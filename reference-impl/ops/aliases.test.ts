/**
 * Aliases through the unmodified AWS SDK: CreateAlias, UpdateAlias, DeleteAlias, ListAliases —
 * entry shape, target rules, name rules, 50 aliases per key, key states, pagination.
 *
 * Sources: spec/aws-observed.md (4.5, section 7, KS-OLD table in 2.2) and spec/kms-facts.md.
 * Lines marked INFERRED assert our documented behaviour where AWS's answer is unknown.
 */
import {
  CreateAliasCommand,
  DeleteAliasCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EncryptCommand,
  ListAliasesCommand,
  ScheduleKeyDeletionCommand,
  UpdateAliasCommand,
  type AliasListEntry,
  type KeyMetadata,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aliasArnOf, keyArnOf, members, refusal, startInProcessKms, type InProcessKms } from '../../test/support/in-process-kms.js';

let t: InProcessKms;
beforeAll(async () => {
  t = await startInProcessKms();
});
afterAll(async () => {
  await t?.close();
});

const ABSENT_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
let n = 0;
const fresh = (base = 'a') => `alias/aliases-test/${base}-${++n}`;

const createAlias = (AliasName: string, TargetKeyId: string) => t.kms.send(new CreateAliasCommand({ AliasName, TargetKeyId }));
const updateAlias = (AliasName: string, TargetKeyId: string) => t.kms.send(new UpdateAliasCommand({ AliasName, TargetKeyId }));
const deleteAlias = (AliasName: string) => t.kms.send(new DeleteAliasCommand({ AliasName }));

async function allAliases(keyId?: string, limit?: number): Promise<AliasListEntry[]> {
  const out: AliasListEntry[] = [];
  let marker: string | undefined;
  do {
    const page = await t.kms.send(new ListAliasesCommand({ KeyId: keyId, Limit: limit, Marker: marker }));
    out.push(...page.Aliases!);
    marker = page.NextMarker;
  } while (marker);
  return out;
}

const entry = async (name: string) => (await allAliases(undefined, 100)).find((a) => a.AliasName === name);

describe('CreateAlias', () => {
  it('returns an empty body; ListAliases shows AliasName, AliasArn, bare TargetKeyId, CreationDate = LastUpdatedDate (4.5)', async () => {
    const key = await t.createKey();
    const name = fresh();
    const before = await t.now();
    const out = await createAlias(name, key.Arn!);
    expect(members(out)).toEqual([]);
    const e = (await entry(name))!;
    expect(members(e)).toEqual(['AliasArn', 'AliasName', 'CreationDate', 'LastUpdatedDate', 'TargetKeyId']);
    expect(e).toMatchObject({ AliasName: name, AliasArn: aliasArnOf(name), TargetKeyId: key.KeyId });
    expect(e.CreationDate).toBeInstanceOf(Date);
    expect(e.LastUpdatedDate!.getTime()).toBe(e.CreationDate!.getTime());
    expect(e.CreationDate!.getTime() / 1000).toBeGreaterThanOrEqual(before - 1);
  });

  it('makes the alias usable wherever AWS accepts aliases', async () => {
    const key = await t.createKey();
    const name = fresh();
    await createAlias(name, key.KeyId!);
    expect((await t.kms.send(new DescribeKeyCommand({ KeyId: name }))).KeyMetadata!.KeyId).toBe(key.KeyId);
    expect((await t.kms.send(new EncryptCommand({ KeyId: aliasArnOf(name), Plaintext: Buffer.from('x') }))).KeyId).toBe(key.Arn);
  });

  it.each(['alias name', 'alias ARN'])('refuses a TargetKeyId that is an %s (A4: DG "You cannot use another alias"; wording INFERRED)', async (form) => {
    const key = await t.createKey();
    const first = fresh();
    await createAlias(first, key.KeyId!);
    const target = form === 'alias name' ? first : aliasArnOf(first);
    expect(await refusal(createAlias(fresh(), target))).toEqual({
      name: 'ValidationException',
      message: 'Aliases must refer to keys. Not aliases',
      status: 400,
    });
  });

  it('refuses an existing alias name with the alias ARN in the message, no trailing period (A1)', async () => {
    const key = await t.createKey();
    const name = fresh();
    await createAlias(name, key.KeyId!);
    expect(await refusal(createAlias(name, key.KeyId!))).toEqual({
      name: 'AlreadyExistsException',
      message: `An alias with the name ${aliasArnOf(name)} already exists`,
      status: 400,
    });
  });

  it('refuses a name without the alias/ prefix (V7)', async () => {
    const key = await t.createKey();
    expect(await refusal(createAlias('no-prefix', key.KeyId!))).toEqual({
      name: 'ValidationException',
      message: 'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
      status: 400,
    });
  });

  it('refuses the reserved alias/aws/ prefix (A3: DG rule; code and wording INFERRED)', async () => {
    const key = await t.createKey();
    expect(await refusal(createAlias('alias/aws/mine', key.KeyId!))).toEqual({
      name: 'InvalidAliasNameException',
      message: "Alias must not begin with 'alias/aws/'. The alias/aws/ prefix is reserved for AWS managed keys.",
      status: 400,
    });
  });

  it('refuses characters outside the model pattern and names over 256 characters (6.2, INFERRED wording)', async () => {
    const key = await t.createKey();
    expect(await refusal(createAlias('alias/has space', key.KeyId!))).toEqual({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value 'alias/has space' at 'aliasName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$",
      status: 400,
    });
    const long = `alias/${'x'.repeat(251)}`;
    expect(await refusal(createAlias(long, key.KeyId!))).toEqual({
      name: 'ValidationException',
      message: `1 validation error detected: Value '${long}' at 'aliasName' failed to satisfy constraint: Member must have length less than or equal to 256`,
      status: 400,
    });
    const max = `alias/${'y'.repeat(250)}`;
    await createAlias(max, key.KeyId!);
    expect((await entry(max))?.TargetKeyId).toBe(key.KeyId);
  });

  it('answers an absent target key with NotFoundException (N1)', async () => {
    expect(await refusal(createAlias(fresh(), ABSENT_ID))).toEqual({
      name: 'NotFoundException',
      message: `Key '${keyArnOf(ABSENT_ID)}' does not exist`,
      status: 400,
    });
  });

  it('accepts Disabled and PendingImport targets (KS-OLD ✓)', async () => {
    const disabled = await t.createKey();
    await t.kms.send(new DisableKeyCommand({ KeyId: disabled.KeyId }));
    const d = fresh();
    await createAlias(d, disabled.KeyId!);
    const pendingImport = await t.createKey({ Origin: 'EXTERNAL' });
    const p = fresh();
    await createAlias(p, pendingImport.KeyId!);
    expect((await entry(d))?.TargetKeyId).toBe(disabled.KeyId);
    expect((await entry(p))?.TargetKeyId).toBe(pendingImport.KeyId);
  });

  it('refuses a PendingDeletion target: "<arn> is pending deletion." (KS-OLD [3])', async () => {
    const key = await t.createKey();
    await t.kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
    expect(await refusal(createAlias(fresh(), key.KeyId!))).toEqual({
      name: 'KMSInvalidStateException',
      message: `${key.Arn} is pending deletion.`,
      status: 400,
    });
  });
});

describe('50 aliases per key (facts sheet; A8)', () => {
  let full: KeyMetadata;

  it('accepts 50 aliases on one key and refuses the 51st with LimitExceededException (message INFERRED)', async () => {
    full = await t.createKey();
    for (let i = 0; i < 50; i++) await createAlias(`alias/aliases-test/limit/${String(i).padStart(2, '0')}`, full.KeyId!);
    expect(await allAliases(full.KeyId, 100)).toHaveLength(50);
    expect(await refusal(createAlias('alias/aliases-test/limit/50', full.KeyId!))).toEqual({
      name: 'LimitExceededException',
      message: `Too many aliases for ${full.Arn}`,
      status: 400,
    });
    expect(await entry('alias/aliases-test/limit/50')).toBeUndefined();
  });

  it('refuses UpdateAlias onto a key that already has 50', async () => {
    const elsewhere = await t.createKey();
    const name = fresh();
    await createAlias(name, elsewhere.KeyId!);
    expect((await refusal(updateAlias(name, full.KeyId!))).name).toBe('LimitExceededException');
    expect((await entry(name))?.TargetKeyId).toBe(elsewhere.KeyId);
  });

  it('makes room again after DeleteAlias', async () => {
    await deleteAlias('alias/aliases-test/limit/00');
    await createAlias('alias/aliases-test/limit/50', full.KeyId!);
    expect(await allAliases(full.KeyId, 100)).toHaveLength(50);
  });
});

describe('UpdateAlias', () => {
  it('returns an empty body, retargets the alias, keeps CreationDate and moves LastUpdatedDate (4.5)', async () => {
    const [a, b] = [await t.createKey(), await t.createKey()];
    const name = fresh();
    await createAlias(name, a.KeyId!);
    const created = (await entry(name))!;
    await t.advanceClock(60);
    const out = await updateAlias(name, b.Arn!);
    expect(members(out)).toEqual([]);
    const updated = (await entry(name))!;
    expect(updated.TargetKeyId).toBe(b.KeyId);
    expect(updated.CreationDate!.getTime()).toBe(created.CreationDate!.getTime());
    expect(updated.LastUpdatedDate!.getTime() - created.LastUpdatedDate!.getTime()).toBeGreaterThanOrEqual(60_000);
    expect((await t.kms.send(new EncryptCommand({ KeyId: name, Plaintext: Buffer.from('x') }))).KeyId).toBe(b.Arn);
  });

  it('answers an unknown alias with NotFoundException "Alias <arn> is not found." (N11 wording; INFERRED for UpdateAlias)', async () => {
    const key = await t.createKey();
    const name = fresh('never-created');
    expect(await refusal(updateAlias(name, key.KeyId!))).toEqual({
      name: 'NotFoundException',
      message: `Alias ${aliasArnOf(name)} is not found.`,
      status: 400,
    });
  });

  it('refuses an alias as the new target (A4, INFERRED wording)', async () => {
    const key = await t.createKey();
    const [x, y] = [fresh(), fresh()];
    await createAlias(x, key.KeyId!);
    await createAlias(y, key.KeyId!);
    expect((await refusal(updateAlias(x, y))).message).toBe('Aliases must refer to keys. Not aliases');
  });

  it('refuses a PendingDeletion destination (A6, KS-OLD [10])', async () => {
    const [a, b] = [await t.createKey(), await t.createKey()];
    const name = fresh();
    await createAlias(name, a.KeyId!);
    await t.kms.send(new ScheduleKeyDeletionCommand({ KeyId: b.KeyId, PendingWindowInDays: 7 }));
    expect(await refusal(updateAlias(name, b.KeyId!))).toEqual({
      name: 'KMSInvalidStateException',
      message: `${b.Arn} is pending deletion.`,
      status: 400,
    });
    expect((await entry(name))?.TargetKeyId).toBe(a.KeyId);
  });

  it('moves an alias away from a PendingDeletion source key (KS-OLD [10])', async () => {
    const [a, b] = [await t.createKey(), await t.createKey()];
    const name = fresh();
    await createAlias(name, a.KeyId!);
    await t.kms.send(new ScheduleKeyDeletionCommand({ KeyId: a.KeyId, PendingWindowInDays: 7 }));
    await updateAlias(name, b.KeyId!);
    expect((await entry(name))?.TargetKeyId).toBe(b.KeyId);
  });

  it('refuses AWS managed aliases (reserved prefix; INFERRED)', async () => {
    const key = await t.createKey();
    expect((await refusal(updateAlias('alias/aws/s3', key.KeyId!))).name).toBe('InvalidAliasNameException');
  });
});

describe('DeleteAlias', () => {
  it('returns an empty body and the alias is gone (N11 afterwards); the key is untouched', async () => {
    const key = await t.createKey();
    const name = fresh();
    await createAlias(name, key.KeyId!);
    const out = await deleteAlias(name);
    expect(members(out)).toEqual([]);
    expect(await entry(name)).toBeUndefined();
    expect(await refusal(t.kms.send(new DescribeKeyCommand({ KeyId: name })))).toEqual({
      name: 'NotFoundException',
      message: `Alias ${aliasArnOf(name)} is not found.`,
      status: 400,
    });
    expect((await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!.KeyState).toBe('Enabled');
  });

  it('deletes an alias of a PendingDeletion key (KS-OLD ✓)', async () => {
    const key = await t.createKey();
    const name = fresh();
    await createAlias(name, key.KeyId!);
    await t.kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
    await deleteAlias(name);
    expect(await entry(name)).toBeUndefined();
  });

  it('answers an unknown alias with NotFoundException (N13: unknown on AWS; emulators\' wording, INFERRED)', async () => {
    const name = fresh('ghost');
    expect(await refusal(deleteAlias(name))).toEqual({
      name: 'NotFoundException',
      message: `Alias ${aliasArnOf(name)} is not found.`,
      status: 400,
    });
  });

  it('refuses AWS managed aliases (reserved prefix; INFERRED)', async () => {
    expect((await refusal(deleteAlias('alias/aws/s3'))).name).toBe('InvalidAliasNameException');
  });
});

describe('ListAliases', () => {
  it('lists predefined AWS aliases without TargetKeyId or dates (4.5, MODEL ListAliases doc)', async () => {
    const all = await allAliases(undefined, 100);
    const predefined = all.filter((a) => a.AliasName!.startsWith('alias/aws/'));
    expect(predefined.length).toBeGreaterThan(0);
    for (const a of predefined) expect(members(a), a.AliasName).toEqual(['AliasArn', 'AliasName']);
    expect(predefined.map((a) => a.AliasName)).toContain('alias/aws/s3');
  });

  it('lists only the aliases of a key given by key id or key ARN (LS-TEST test_list_aliases_of_key)', async () => {
    const [a, b] = [await t.createKey(), await t.createKey()];
    const [a1, a2, b1] = [fresh(), fresh(), fresh()];
    await createAlias(a1, a.KeyId!);
    await createAlias(a2, a.Arn!);
    await createAlias(b1, b.KeyId!);
    for (const id of [a.KeyId!, a.Arn!]) {
      const page = await t.kms.send(new ListAliasesCommand({ KeyId: id }));
      expect(page.Aliases!.map((x) => x.AliasName).sort(), id).toEqual([a1, a2].sort());
      expect(page.Truncated).toBe(false);
    }
    expect((await t.kms.send(new ListAliasesCommand({ KeyId: a.KeyId }))).Aliases!.every((x) => x.TargetKeyId === a.KeyId)).toBe(true);
  });

  it('returns an empty list for a key without aliases', async () => {
    const key = await t.createKey();
    expect(await t.kms.send(new ListAliasesCommand({ KeyId: key.KeyId }))).toMatchObject({ Aliases: [], Truncated: false });
  });

  it('answers an absent KeyId with NotFoundException and refuses an alias as KeyId (MODEL: key id or ARN; wording INFERRED)', async () => {
    expect((await refusal(t.kms.send(new ListAliasesCommand({ KeyId: ABSENT_ID })))).message).toBe(`Key '${keyArnOf(ABSENT_ID)}' does not exist`);
    expect(await refusal(t.kms.send(new ListAliasesCommand({ KeyId: 'alias/aws/s3' })))).toEqual({
      name: 'NotFoundException',
      message: "Invalid keyId 'alias/aws/s3'",
      status: 400,
    });
  });

  it('pages with Limit / Marker / Truncated / NextMarker, in name order, each alias once', async () => {
    const everything = await allAliases(undefined, 100);
    expect(everything.length).toBeGreaterThan(60);
    const names = everything.map((a) => a.AliasName!);
    expect(names).toEqual([...names].sort());
    const first = await t.kms.send(new ListAliasesCommand({ Limit: 7 }));
    expect(first.Aliases).toHaveLength(7);
    expect(first.Truncated).toBe(true);
    expect(typeof first.NextMarker).toBe('string');
    const paged = await allAliases(undefined, 7);
    expect(paged.map((a) => a.AliasName)).toEqual(names);
  });

  it('returns 50 entries by default (MODEL: default 50)', async () => {
    const page = await t.kms.send(new ListAliasesCommand({}));
    expect(page.Aliases).toHaveLength(50);
    expect(page.Truncated).toBe(true);
  });

  it('ends with Truncated false and no NextMarker', async () => {
    const total = (await allAliases(undefined, 100)).length;
    const page = await t.kms.send(new ListAliasesCommand({ Limit: Math.min(total, 1000) }));
    expect(page.Truncated).toBe(false);
    expect(page.NextMarker).toBeUndefined();
  });

  it('refuses a marker it did not issue with InvalidMarkerException (MODEL; message unknown)', async () => {
    const r = await refusal(t.kms.send(new ListAliasesCommand({ Marker: 'bogus' })));
    expect([r.name, r.status]).toEqual(['InvalidMarkerException', 400]);
  });
});
