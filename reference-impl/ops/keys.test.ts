/**
 * Key management through the unmodified AWS SDK: CreateKey, DescribeKey, ListKeys, EnableKey,
 * DisableKey, UpdateKeyDescription, ScheduleKeyDeletion, CancelKeyDeletion, key states, deletion
 * after the waiting period, and AWS managed keys.
 *
 * Sources: spec/aws-observed.md (section/entry ids in the comments) and spec/kms-facts.md.
 * Lines marked INFERRED assert our documented behaviour where AWS's answer is unknown.
 */
import {
  CancelKeyDeletionCommand,
  CreateAliasCommand,
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
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCOUNT,
  aliasArnOf,
  DAY_SECONDS,
  keyArnOf,
  members,
  refusal,
  ROOT,
  startInProcessKms,
  type InProcessKms,
} from '../../test/support/in-process-kms.js';

let t: InProcessKms;
beforeAll(async () => {
  t = await startInProcessKms();
});
afterAll(async () => {
  await t?.close();
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ABSENT_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
let aliasCounter = 0;
const uniqueAlias = (base: string) => `alias/keys-test/${base}-${++aliasCounter}`;

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

async function scheduled(days?: number) {
  const key = await t.createKey();
  await t.kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: days }));
  return key;
}

describe('CreateKey', () => {
  it('returns the full symmetric KeyMetadata member set (aws-observed 4.1, incl. the 2025 CurrentKeyMaterialId)', async () => {
    const before = await t.now();
    const key = await t.createKey();
    const after = await t.now();
    expect(members(key)).toEqual(
      [
        'AWSAccountId',
        'Arn',
        'CreationDate',
        'CurrentKeyMaterialId',
        'CustomerMasterKeySpec',
        'Description',
        'Enabled',
        'EncryptionAlgorithms',
        'KeyId',
        'KeyManager',
        'KeySpec',
        'KeyState',
        'KeyUsage',
        'MultiRegion',
        'Origin',
      ].sort(),
    );
    expect(key.KeyId).toMatch(UUID);
    expect(key).toMatchObject({
      AWSAccountId: ACCOUNT,
      Arn: keyArnOf(key.KeyId!),
      CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
      Description: '',
      Enabled: true,
      EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
      KeyManager: 'CUSTOMER',
      KeySpec: 'SYMMETRIC_DEFAULT',
      KeyState: 'Enabled',
      KeyUsage: 'ENCRYPT_DECRYPT',
      MultiRegion: false,
      Origin: 'AWS_KMS',
    });
    expect(key.CurrentKeyMaterialId).toMatch(/^[0-9a-f]{64}$/);
    expect(key.CreationDate).toBeInstanceOf(Date);
    const created = key.CreationDate!.getTime() / 1000;
    expect(created).toBeGreaterThanOrEqual(before - 1);
    expect(created).toBeLessThanOrEqual(after + 1);
  });

  it('keeps the Description it was given', async () => {
    const key = await t.createKey({ Description: 'payments key' });
    expect(key.Description).toBe('payments key');
    expect((await describeKey(key.KeyId!)).Description).toBe('payments key');
  });

  it('gives every key its own id', async () => {
    const [a, b] = await Promise.all([t.createKey(), t.createKey()]);
    expect(a.KeyId).not.toBe(b.KeyId);
  });

  it('sends CreationDate as epoch seconds on the wire (facts sheet: timestamps are numbers)', async () => {
    const key = await t.createKey();
    const reply = await t.raw('TrentService.DescribeKey', { KeyId: key.KeyId });
    expect(reply.status).toBe(200);
    const wire = (reply.json as { KeyMetadata: Record<string, unknown> }).KeyMetadata;
    expect(typeof wire.CreationDate).toBe('number');
    expect(wire.CreationDate).toBeCloseTo(key.CreationDate!.getTime() / 1000, 2);
  });

  it('refuses a KeyUsage that does not fit the key spec (wording per V11)', async () => {
    // V11 observed the wording for RSA_2048 + KEY_AGREEMENT; for SYMMETRIC_DEFAULT it is INFERRED.
    expect(await refusal(t.createKey({ KeyUsage: 'SIGN_VERIFY' }))).toEqual({
      name: 'ValidationException',
      message: 'KeyUsage SIGN_VERIFY is not compatible with KeySpec SYMMETRIC_DEFAULT',
      status: 400,
    });
  });

  it('refuses a Description over 8192 characters (INFERRED Coral wording, aws-observed 6.2)', async () => {
    const long = 'd'.repeat(8193);
    expect(await refusal(t.createKey({ Description: long }))).toEqual({
      name: 'ValidationException',
      message: `1 validation error detected: Value '${long}' at 'description' failed to satisfy constraint: Member must have length less than or equal to 8192`,
      status: 400,
    });
  });
});

describe('DescribeKey', () => {
  it('accepts all four id forms: key id, key ARN, alias name, alias ARN (N15, A10)', async () => {
    const key = await t.createKey();
    const alias = uniqueAlias('describe');
    await t.kms.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: key.KeyId }));
    for (const id of [key.KeyId!, key.Arn!, alias, aliasArnOf(alias)]) {
      const m = await describeKey(id);
      expect(m.KeyId, id).toBe(key.KeyId);
      expect(m.Arn, id).toBe(key.Arn);
    }
  });

  it('answers an absent key id with the key ARN built from the caller scope (N1)', async () => {
    expect(await refusal(describeKey(ABSENT_ID))).toEqual({
      name: 'NotFoundException',
      message: `Key '${keyArnOf(ABSENT_ID)}' does not exist`,
      status: 400,
    });
  });

  it('answers an absent key ARN in the same way (N2)', async () => {
    expect((await refusal(describeKey(keyArnOf(ABSENT_ID)))).message).toBe(`Key '${keyArnOf(ABSENT_ID)}' does not exist`);
  });

  it('answers an absent multi-Region key id with its ARN (N3)', async () => {
    const mrk = 'mrk-d3b95762d3b95762d3b95762d3b95762';
    expect(await refusal(describeKey(mrk))).toEqual({
      name: 'NotFoundException',
      message: `Key 'arn:aws:kms:us-east-1:${ACCOUNT}:key/${mrk}' does not exist`,
      status: 400,
    });
  });

  it.each(['fake-key-id', '134f2428cec14b25a1ae9048164dba47', 'mrk-fake-key-id'])(
    'answers a malformed id %s with Invalid keyId (N4-N6)',
    async (id) => {
      expect(await refusal(describeKey(id))).toEqual({ name: 'NotFoundException', message: `Invalid keyId '${id}'`, status: 400 });
    },
  );

  it('answers a key ARN of another Region with Invalid arn <region> (N9)', async () => {
    const key = await t.createKey();
    expect(await refusal(describeKey(keyArnOf(key.KeyId!, 'us-west-2')))).toEqual({
      name: 'NotFoundException',
      message: 'Invalid arn us-west-2',
      status: 400,
    });
  });

  it('answers an unknown alias name with the alias ARN and a trailing period (N11)', async () => {
    expect(await refusal(describeKey('alias/keys-test/nope'))).toEqual({
      name: 'NotFoundException',
      message: `Alias ${aliasArnOf('alias/keys-test/nope')} is not found.`,
      status: 400,
    });
  });

  it('answers an unknown alias ARN in the same way (N12, INFERRED)', async () => {
    expect((await refusal(describeKey(aliasArnOf('alias/keys-test/nope2')))).message).toBe(
      `Alias ${aliasArnOf('alias/keys-test/nope2')} is not found.`,
    );
  });
});

describe('ListKeys', () => {
  it('lists each key as exactly {KeyArn, KeyId} with Truncated false (4.3)', async () => {
    const key = await t.createKey();
    const page = await t.kms.send(new ListKeysCommand({ Limit: 1000 }));
    expect(page.Truncated).toBe(false);
    expect(page.NextMarker).toBeUndefined();
    const entry = page.Keys!.find((k) => k.KeyId === key.KeyId);
    expect(entry).toEqual({ KeyId: key.KeyId, KeyArn: key.Arn });
    for (const k of page.Keys!) expect(members(k)).toEqual(['KeyArn', 'KeyId']);
  });

  it('pages with Limit / Marker / Truncated / NextMarker and covers every key exactly once', async () => {
    for (let i = 0; i < 5; i++) await t.createKey();
    const everything = await allKeys(1000);
    expect(everything.length).toBeGreaterThanOrEqual(5);
    const first = await t.kms.send(new ListKeysCommand({ Limit: 2 }));
    expect(first.Keys).toHaveLength(2);
    expect(first.Truncated).toBe(true);
    expect(typeof first.NextMarker).toBe('string');
    const paged = await allKeys(2);
    expect(paged.map((k) => k.KeyId)).toEqual(everything.map((k) => k.KeyId));
    expect(new Set(paged.map((k) => k.KeyId)).size).toBe(paged.length);
  });

  it('returns Truncated false and no NextMarker on the last page', async () => {
    const everything = await allKeys(1000);
    const last = await t.kms.send(new ListKeysCommand({ Limit: everything.length }));
    expect(last.Keys).toHaveLength(everything.length);
    expect(last.Truncated).toBe(false);
    expect(last.NextMarker).toBeUndefined();
  });

  it('refuses Limit 0 (INFERRED Coral wording, aws-observed 6.2)', async () => {
    expect(await refusal(t.kms.send(new ListKeysCommand({ Limit: 0 })))).toEqual({
      name: 'ValidationException',
      message: "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
      status: 400,
    });
  });

  it('refuses a marker it did not issue with InvalidMarkerException (MODEL; message unknown)', async () => {
    const r = await refusal(t.kms.send(new ListKeysCommand({ Marker: 'not-a-marker' })));
    expect([r.name, r.status]).toEqual(['InvalidMarkerException', 400]);
  });
});

describe('EnableKey / DisableKey', () => {
  it('DisableKey returns an empty body and DescribeKey shows Disabled (L1)', async () => {
    const key = await t.createKey();
    const out = await t.kms.send(new DisableKeyCommand({ KeyId: key.KeyId }));
    expect(members(out)).toEqual([]);
    expect(await describeKey(key.KeyId!)).toMatchObject({ Enabled: false, KeyState: 'Disabled' });
  });

  it('EnableKey returns an empty body and DescribeKey shows Enabled again (L2)', async () => {
    const key = await t.createKey();
    await t.kms.send(new DisableKeyCommand({ KeyId: key.KeyId }));
    const out = await t.kms.send(new EnableKeyCommand({ KeyId: key.KeyId }));
    expect(members(out)).toEqual([]);
    expect(await describeKey(key.KeyId!)).toMatchObject({ Enabled: true, KeyState: 'Enabled' });
  });

  it('treats EnableKey on an enabled key and DisableKey on a disabled key as no-ops (facts sheet)', async () => {
    const key = await t.createKey();
    await t.kms.send(new EnableKeyCommand({ KeyId: key.KeyId }));
    expect((await describeKey(key.KeyId!)).KeyState).toBe('Enabled');
    await t.kms.send(new DisableKeyCommand({ KeyId: key.KeyId }));
    await t.kms.send(new DisableKeyCommand({ KeyId: key.KeyId }));
    expect((await describeKey(key.KeyId!)).KeyState).toBe('Disabled');
  });

  it('accepts the key ARN', async () => {
    const key = await t.createKey();
    await t.kms.send(new DisableKeyCommand({ KeyId: key.Arn }));
    expect((await describeKey(key.KeyId!)).KeyState).toBe('Disabled');
    await t.kms.send(new EnableKeyCommand({ KeyId: key.Arn }));
    expect((await describeKey(key.KeyId!)).KeyState).toBe('Enabled');
  });

  it('refuses alias names and alias ARNs, which management calls do not take (MODEL; wording INFERRED from N4)', async () => {
    const key = await t.createKey();
    const alias = uniqueAlias('manage');
    await t.kms.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: key.KeyId }));
    for (const id of [alias, aliasArnOf(alias)]) {
      expect(await refusal(t.kms.send(new DisableKeyCommand({ KeyId: id })))).toEqual({
        name: 'NotFoundException',
        message: `Invalid keyId '${id}'`,
        status: 400,
      });
    }
    expect((await describeKey(key.KeyId!)).KeyState).toBe('Enabled');
  });

  it('answers an absent key with NotFoundException (N1 wording)', async () => {
    expect(await refusal(t.kms.send(new EnableKeyCommand({ KeyId: ABSENT_ID })))).toEqual({
      name: 'NotFoundException',
      message: `Key '${keyArnOf(ABSENT_ID)}' does not exist`,
      status: 400,
    });
  });
});

describe('UpdateKeyDescription', () => {
  it('returns an empty body and DescribeKey shows the new text (4.3)', async () => {
    const key = await t.createKey({ Description: 'old' });
    const out = await t.kms.send(new UpdateKeyDescriptionCommand({ KeyId: key.KeyId, Description: 'new text' }));
    expect(members(out)).toEqual([]);
    expect((await describeKey(key.KeyId!)).Description).toBe('new text');
  });

  it('accepts the key ARN and an empty description (model: 0..8192)', async () => {
    const key = await t.createKey({ Description: 'something' });
    await t.kms.send(new UpdateKeyDescriptionCommand({ KeyId: key.Arn, Description: '' }));
    expect((await describeKey(key.KeyId!)).Description).toBe('');
  });

  it('refuses an alias name (management call, wording INFERRED)', async () => {
    const key = await t.createKey();
    const alias = uniqueAlias('describe-update');
    await t.kms.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: key.KeyId }));
    expect(await refusal(t.kms.send(new UpdateKeyDescriptionCommand({ KeyId: alias, Description: 'x' })))).toEqual({
      name: 'NotFoundException',
      message: `Invalid keyId '${alias}'`,
      status: 400,
    });
  });
});

describe('ScheduleKeyDeletion', () => {
  it('defaults to 30 days and answers {KeyId: ARN, DeletionDate, KeyState, PendingWindowInDays} (4.3)', async () => {
    const key = await t.createKey();
    const before = await t.now();
    const out = await t.kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId }));
    const after = await t.now();
    expect(members(out)).toEqual(['DeletionDate', 'KeyId', 'KeyState', 'PendingWindowInDays']);
    expect(out.KeyId).toBe(key.Arn);
    expect(out.KeyState).toBe('PendingDeletion');
    expect(out.PendingWindowInDays).toBe(30);
    const deletion = out.DeletionDate!.getTime() / 1000;
    expect(deletion).toBeGreaterThanOrEqual(before + 30 * DAY_SECONDS - 1);
    expect(deletion).toBeLessThanOrEqual(after + 30 * DAY_SECONDS + 1);
  });

  it('puts the key in PendingDeletion with a DeletionDate and no PendingDeletionWindowInDays (L3, L5)', async () => {
    const key = await t.createKey();
    const out = await t.kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.Arn, PendingWindowInDays: 7 }));
    const m = await describeKey(key.KeyId!);
    expect(m).toMatchObject({ Enabled: false, KeyState: 'PendingDeletion' });
    expect(m.DeletionDate?.getTime()).toBe(out.DeletionDate!.getTime());
    expect(m.PendingDeletionWindowInDays).toBeUndefined();
    expect(out.PendingWindowInDays).toBe(7);
  });

  it.each([7, 30])('accepts a %i-day window', async (days) => {
    const key = await t.createKey();
    const out = await t.kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: days }));
    expect(out.PendingWindowInDays).toBe(days);
  });

  it.each([1, 6, 31])('refuses a %i-day window with the observed message (V6)', async (days) => {
    const key = await t.createKey();
    expect(await refusal(t.kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: days })))).toEqual({
      name: 'ValidationException',
      message: 'PendingWindowInDays must be between 7 and 30',
      status: 400,
    });
    expect((await describeKey(key.KeyId!)).KeyState).toBe('Enabled');
  });

  it('schedules a disabled key (KS-OLD: Disabled ✓)', async () => {
    const key = await t.createKey();
    await t.kms.send(new DisableKeyCommand({ KeyId: key.KeyId }));
    await t.kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
    expect((await describeKey(key.KeyId!)).KeyState).toBe('PendingDeletion');
  });

  it('refuses a key that is already pending deletion (S5, KS-OLD [3])', async () => {
    const key = await scheduled(7);
    expect(await refusal(t.kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId })))).toEqual({
      name: 'KMSInvalidStateException',
      message: `${key.Arn} is pending deletion.`,
      status: 400,
    });
  });

  it('refuses an alias name (management call, wording INFERRED)', async () => {
    const key = await t.createKey();
    const alias = uniqueAlias('schedule');
    await t.kms.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: key.KeyId }));
    expect((await refusal(t.kms.send(new ScheduleKeyDeletionCommand({ KeyId: alias })))).name).toBe('NotFoundException');
    expect((await describeKey(key.KeyId!)).KeyState).toBe('Enabled');
  });
});

describe('CancelKeyDeletion', () => {
  it('answers {KeyId: ARN} and leaves the key Disabled without a DeletionDate (L4, facts sheet)', async () => {
    const key = await scheduled(7);
    const out = await t.kms.send(new CancelKeyDeletionCommand({ KeyId: key.KeyId }));
    expect(members(out)).toEqual(['KeyId']);
    expect(out.KeyId).toBe(key.Arn);
    const m = await describeKey(key.KeyId!);
    expect(m).toMatchObject({ Enabled: false, KeyState: 'Disabled' });
    expect(m.DeletionDate).toBeUndefined();
  });

  it('accepts the key ARN', async () => {
    const key = await scheduled(7);
    await t.kms.send(new CancelKeyDeletionCommand({ KeyId: key.Arn }));
    expect((await describeKey(key.KeyId!)).KeyState).toBe('Disabled');
  });

  it.each(['Enabled', 'Disabled'] as const)('refuses an %s key: "<arn> is not pending deletion." (KS-OLD [4])', async (state) => {
    const key = await t.createKey();
    if (state === 'Disabled') await t.kms.send(new DisableKeyCommand({ KeyId: key.KeyId }));
    expect(await refusal(t.kms.send(new CancelKeyDeletionCommand({ KeyId: key.KeyId })))).toEqual({
      name: 'KMSInvalidStateException',
      message: `${key.Arn} is not pending deletion.`,
      status: 400,
    });
  });
});

describe('management calls by key state (aws-observed 2.2, KS-OLD)', () => {
  it('PendingDeletion: EnableKey, DisableKey, UpdateKeyDescription → KMSInvalidStateException [3]; DescribeKey works', async () => {
    const key = await scheduled(7);
    const expected = { name: 'KMSInvalidStateException', message: `${key.Arn} is pending deletion.`, status: 400 };
    expect(await refusal(t.kms.send(new EnableKeyCommand({ KeyId: key.KeyId })))).toEqual(expected);
    expect(await refusal(t.kms.send(new DisableKeyCommand({ KeyId: key.KeyId })))).toEqual(expected);
    expect(await refusal(t.kms.send(new UpdateKeyDescriptionCommand({ KeyId: key.KeyId, Description: 'x' })))).toEqual(expected);
    expect((await describeKey(key.KeyId!)).KeyState).toBe('PendingDeletion');
  });

  it('PendingImport (Origin EXTERNAL, no material yet): DescribeKey shape (L6)', async () => {
    const key = await t.createKey({ Origin: 'EXTERNAL' });
    expect(key).toMatchObject({ Enabled: false, KeyState: 'PendingImport', Origin: 'EXTERNAL' });
    expect(key.ExpirationModel).toBeUndefined();
    const m = await describeKey(key.KeyId!);
    expect(m).toMatchObject({ Enabled: false, KeyState: 'PendingImport', Origin: 'EXTERNAL' });
  });

  it('PendingImport: EnableKey and DisableKey → "<arn> is pending import." [5]', async () => {
    const key = await t.createKey({ Origin: 'EXTERNAL' });
    const expected = { name: 'KMSInvalidStateException', message: `${key.Arn} is pending import.`, status: 400 };
    expect(await refusal(t.kms.send(new EnableKeyCommand({ KeyId: key.KeyId })))).toEqual(expected);
    expect(await refusal(t.kms.send(new DisableKeyCommand({ KeyId: key.KeyId })))).toEqual(expected);
  });

  it('PendingImport: UpdateKeyDescription and ScheduleKeyDeletion succeed (KS-OLD ✓)', async () => {
    const key = await t.createKey({ Origin: 'EXTERNAL' });
    await t.kms.send(new UpdateKeyDescriptionCommand({ KeyId: key.KeyId, Description: 'imported later' }));
    expect((await describeKey(key.KeyId!)).Description).toBe('imported later');
    await t.kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
    expect((await describeKey(key.KeyId!)).KeyState).toBe('PendingDeletion');
  });
});

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
    const out = await t.kms.send(new EncryptCommand({ KeyId: S3, Plaintext: Buffer.from('x') }));
    expect(out.KeyId).toBe(managed.Arn);
    expect((await describeKey(aliasArnOf(S3))).KeyId).toBe(managed.KeyId);
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

// Moves the server clock: keep this block last in the file.
describe('deletion after the waiting period (clock advanced)', () => {
  it('keeps the key until the window has passed, then deletes it with its aliases (facts sheet; MODEL ScheduleKeyDeletion)', async () => {
    const key = await t.createKey();
    const alias = uniqueAlias('doomed');
    await t.kms.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: key.KeyId }));
    await t.kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));

    await t.advanceClock(7 * DAY_SECONDS - 60);
    expect((await describeKey(key.KeyId!)).KeyState).toBe('PendingDeletion');

    await t.advanceClock(120);
    expect(await refusal(describeKey(key.KeyId!))).toEqual({
      name: 'NotFoundException',
      message: `Key '${key.Arn}' does not exist`,
      status: 400,
    });
    expect((await allKeys(1000)).map((k) => k.KeyId)).not.toContain(key.KeyId);
    const aliases = (await t.kms.send(new ListAliasesCommand({}))).Aliases!;
    expect(aliases.map((a) => a.AliasName)).not.toContain(alias);
    expect(await refusal(describeKey(alias))).toEqual({
      name: 'NotFoundException',
      message: `Alias ${aliasArnOf(alias)} is not found.`,
      status: 400,
    });
  });

  it('does not delete a key whose deletion was cancelled', async () => {
    const key = await scheduled(7);
    await t.kms.send(new CancelKeyDeletionCommand({ KeyId: key.KeyId }));
    await t.advanceClock(8 * DAY_SECONDS);
    expect((await describeKey(key.KeyId!)).KeyState).toBe('Disabled');
  });

  it('deletes a 30-day (default) key only after 30 days', async () => {
    const key = await scheduled();
    await t.advanceClock(29 * DAY_SECONDS);
    expect((await describeKey(key.KeyId!)).KeyState).toBe('PendingDeletion');
    await t.advanceClock(DAY_SECONDS + 60);
    expect((await refusal(describeKey(key.KeyId!))).name).toBe('NotFoundException');
  });
});
