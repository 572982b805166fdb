/**
 * Imported key material in-process (ops/import.ts): the whole GetParametersForImport →
 * ImportKeyMaterial path with material wrapped by Node's crypto and by `openssl pkeyutl`, re-import
 * rules, deletion, expiry on the server clock, and on-demand rotation of imported material.
 * Sources are in ops/import.ts and keys/imported-material.ts; the conformance cases under
 * suites/conformance/import check the same against any endpoint.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPublicKey, randomBytes } from 'node:crypto';
import {
  DecryptCommand,
  DeleteImportedKeyMaterialCommand,
  DescribeKeyCommand,
  EncryptCommand,
  GetParametersForImportCommand,
  ImportKeyMaterialCommand,
  ListKeyRotationsCommand,
  RotateKeyOnDemandCommand,
  ScheduleKeyDeletionCommand,
  type AlgorithmSpec,
} from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { DAY_SECONDS, refusal, inProcessKmsForFile } from '../../test/support/in-process-kms.js';
import { wrapKeyMaterial } from '../../suites/conformance/_lib/import-material.js';

const t = inProcessKmsForFile();

async function params(keyId: string, algorithm: AlgorithmSpec = 'RSAES_OAEP_SHA_256') {
  return t.kms.send(new GetParametersForImportCommand({ KeyId: keyId, WrappingAlgorithm: algorithm, WrappingKeySpec: 'RSA_2048' }));
}

async function importWith(keyId: string, material: Buffer, extra: Record<string, unknown> = {}, algorithm: AlgorithmSpec = 'RSAES_OAEP_SHA_256') {
  const p = await params(keyId, algorithm);
  return t.kms.send(
    new ImportKeyMaterialCommand({
      KeyId: keyId,
      ImportToken: p.ImportToken,
      EncryptedKeyMaterial: wrapKeyMaterial(p.PublicKey!, algorithm, material),
      ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
      ...extra,
    }),
  );
}

const describeKey = async (keyId: string) => (await t.kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!;
const encrypt = async (keyId: string, text: string) => (await t.kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from(text) }))).CiphertextBlob!;
const decrypt = async (blob: Uint8Array) => Buffer.from((await t.kms.send(new DecryptCommand({ CiphertextBlob: blob }))).Plaintext!).toString();

describe('GetParametersForImport', () => {
  it('answers a 24 h wrapping key and token for an EXTERNAL key; refuses AWS_KMS keys and withdrawn algorithms', async () => {
    const key = await t.createKey({ Origin: 'EXTERNAL' });
    const now = await t.now();
    const p = await params(key.KeyId!);
    expect(p.KeyId).toBe(key.Arn);
    expect(createPublicKey({ key: Buffer.from(p.PublicKey!), format: 'der', type: 'spki' }).asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(p.ParametersValidTo!.getTime() / 1000 - now).toBeCloseTo(DAY_SECONDS, -1);
    const aws = await t.createKey();
    expect(await refusal(params(aws.KeyId!))).toEqual({ name: 'UnsupportedOperationException', message: `${aws.Arn} origin is AWS_KMS which is not valid for this operation.`, status: 400 });
    expect((await refusal(params(key.KeyId!, 'RSAES_PKCS1_V1_5'))).name).toBe('UnsupportedOperationException');
    expect((await refusal(params(key.KeyId!, 'RSA_AES_KEY_WRAP_SHA_256'))).name).toBe('UnsupportedOperationException');
  });
});

describe('ImportKeyMaterial', () => {
  it('material wrapped with Node crypto: PendingImport → Enabled, encrypts and decrypts, KeyMaterialId stable', async () => {
    const key = await t.createKey({ Origin: 'EXTERNAL' });
    expect(key.KeyState).toBe('PendingImport');
    expect(key.ExpirationModel).toBeUndefined();
    const material = randomBytes(32);
    const out = await importWith(key.KeyId!, material);
    expect(out.KeyId).toBe(key.Arn);
    expect(out.KeyMaterialId).toMatch(/^[0-9a-f]{64}$/);
    const md = await describeKey(key.KeyId!);
    expect(md).toMatchObject({ KeyState: 'Enabled', Enabled: true, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE', CurrentKeyMaterialId: out.KeyMaterialId });
    const blob = await encrypt(key.KeyId!, 'imported');
    expect(await decrypt(blob)).toBe('imported');
    // The same material re-imported (after deletion) has the same id, and old ciphertext decrypts.
    await t.kms.send(new DeleteImportedKeyMaterialCommand({ KeyId: key.KeyId }));
    expect((await describeKey(key.KeyId!)).KeyState).toBe('PendingImport');
    expect((await refusal(decrypt(blob))).name).toBe('KMSInvalidStateException');
    const again = await importWith(key.KeyId!, material, {}, 'RSAES_OAEP_SHA_1');
    expect(again.KeyMaterialId).toBe(out.KeyMaterialId);
    expect(await decrypt(blob)).toBe('imported');
  });

  it('material wrapped with openssl pkeyutl (OAEP SHA-256, AWS\'s recipe) imports', async () => {
    const key = await t.createKey({ Origin: 'EXTERNAL' });
    const p = await params(key.KeyId!);
    const dir = mkdtempSync(join(tmpdir(), 'kmsbench-import-'));
    try {
      const material = randomBytes(32);
      writeFileSync(join(dir, 'PlaintextKeyMaterial.bin'), material);
      writeFileSync(join(dir, 'WrappingPublicKey.bin'), Buffer.from(p.PublicKey!));
      execFileSync('openssl', [
        'pkeyutl', '-encrypt', '-in', join(dir, 'PlaintextKeyMaterial.bin'), '-out', join(dir, 'EncryptedKeyMaterial.bin'),
        '-inkey', join(dir, 'WrappingPublicKey.bin'), '-keyform', 'DER', '-pubin',
        '-pkeyopt', 'rsa_padding_mode:oaep', '-pkeyopt', 'rsa_oaep_md:sha256', '-pkeyopt', 'rsa_mgf1_md:sha256',
      ]);
      await t.kms.send(
        new ImportKeyMaterialCommand({
          KeyId: key.KeyId,
          ImportToken: p.ImportToken,
          EncryptedKeyMaterial: readFileSync(join(dir, 'EncryptedKeyMaterial.bin')),
          ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
        }),
      );
      expect(await decrypt(await encrypt(key.KeyId!, 'openssl'))).toBe('openssl');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('different material re-imported → IncorrectKeyMaterialException; another key\'s token → InvalidImportTokenException; wrong length → IncorrectKeyMaterialException', async () => {
    const key = await t.createKey({ Origin: 'EXTERNAL' });
    await importWith(key.KeyId!, randomBytes(32));
    expect((await refusal(importWith(key.KeyId!, randomBytes(32)))).name).toBe('IncorrectKeyMaterialException');
    const other = await t.createKey({ Origin: 'EXTERNAL' });
    const p = await params(other.KeyId!);
    const r = await refusal(
      t.kms.send(new ImportKeyMaterialCommand({ KeyId: key.KeyId, ImportToken: p.ImportToken, EncryptedKeyMaterial: wrapKeyMaterial(p.PublicKey!, 'RSAES_OAEP_SHA_256', randomBytes(32)), ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' })),
    );
    expect(r.name).toBe('InvalidImportTokenException');
    const third = await t.createKey({ Origin: 'EXTERNAL' });
    expect((await refusal(importWith(third.KeyId!, randomBytes(16)))).name).toBe('IncorrectKeyMaterialException');
  });

  it('ExpirationModel rules: KEY_MATERIAL_EXPIRES needs ValidTo; DOES_NOT_EXPIRE takes none; ValidTo within 365 days', async () => {
    const key = await t.createKey({ Origin: 'EXTERNAL' });
    const now = await t.now();
    const m = randomBytes(32);
    expect(await refusal(importWith(key.KeyId!, m, { ExpirationModel: undefined }))).toMatchObject({ name: 'ValidationException', message: 'A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES' });
    expect((await refusal(importWith(key.KeyId!, m, { ValidTo: new Date((now + 3600) * 1000) }))).name).toBe('ValidationException');
    expect((await refusal(importWith(key.KeyId!, m, { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: new Date((now + 400 * DAY_SECONDS) * 1000) }))).name).toBe('ValidationException');
    expect((await refusal(importWith(key.KeyId!, m, { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: new Date((now - 10) * 1000) }))).name).toBe('ValidationException');
  });

  it('a token expires after 24 h on the server clock → ExpiredImportTokenException', async () => {
    const key = await t.createKey({ Origin: 'EXTERNAL' });
    const p = await params(key.KeyId!);
    await t.advanceClock(DAY_SECONDS + 60);
    const r = await refusal(
      t.kms.send(new ImportKeyMaterialCommand({ KeyId: key.KeyId, ImportToken: p.ImportToken, EncryptedKeyMaterial: wrapKeyMaterial(p.PublicKey!, 'RSAES_OAEP_SHA_256', randomBytes(32)), ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' })),
    );
    expect(r.name).toBe('ExpiredImportTokenException');
  });

  it('material past ValidTo is deleted: the key goes PendingImport; re-importing the same material restores it', async () => {
    const key = await t.createKey({ Origin: 'EXTERNAL' });
    const now = await t.now();
    const material = randomBytes(32);
    await importWith(key.KeyId!, material, { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: new Date((now + 2 * DAY_SECONDS) * 1000) });
    const md = await describeKey(key.KeyId!);
    expect(md.ExpirationModel).toBe('KEY_MATERIAL_EXPIRES');
    expect(Math.round(md.ValidTo!.getTime() / 1000)).toBe(Math.round(now + 2 * DAY_SECONDS));
    const blob = await encrypt(key.KeyId!, 'expires');
    await t.advanceClock(3 * DAY_SECONDS);
    const after = await describeKey(key.KeyId!);
    expect(after.KeyState).toBe('PendingImport');
    expect(after.ExpirationModel).toBeUndefined();
    await importWith(key.KeyId!, material);
    expect(await decrypt(blob)).toBe('expires');
  });
});

describe('on-demand rotation of imported material (since 2025-06-05)', () => {
  it('NEW_KEY_MATERIAL is PENDING_ROTATION until RotateKeyOnDemand makes it current; old ciphertext still decrypts', async () => {
    const key = await t.createKey({ Origin: 'EXTERNAL' });
    const first = await importWith(key.KeyId!, randomBytes(32));
    expect((await refusal(t.kms.send(new RotateKeyOnDemandCommand({ KeyId: key.KeyId })))).name).toBe('KMSInvalidStateException');
    const blob = await encrypt(key.KeyId!, 'before');
    const second = await importWith(key.KeyId!, randomBytes(32), { ImportType: 'NEW_KEY_MATERIAL', KeyMaterialDescription: 'next' });
    expect(second.KeyMaterialId).not.toBe(first.KeyMaterialId);
    expect((await refusal(importWith(key.KeyId!, randomBytes(32), { ImportType: 'NEW_KEY_MATERIAL' }))).name).toBe('KMSInvalidStateException');
    let list = (await t.kms.send(new ListKeyRotationsCommand({ KeyId: key.KeyId, IncludeKeyMaterial: 'ALL_KEY_MATERIAL' }))).Rotations!;
    expect(list.map((r) => [r.KeyMaterialId, r.KeyMaterialState, r.ImportState])).toEqual([
      [first.KeyMaterialId, 'CURRENT', 'IMPORTED'],
      [second.KeyMaterialId, 'PENDING_ROTATION', 'IMPORTED'],
    ]);
    expect(list[1]!.KeyMaterialDescription).toBe('next');
    await t.kms.send(new RotateKeyOnDemandCommand({ KeyId: key.KeyId }));
    expect((await describeKey(key.KeyId!)).CurrentKeyMaterialId).toBe(second.KeyMaterialId);
    list = (await t.kms.send(new ListKeyRotationsCommand({ KeyId: key.KeyId }))).Rotations!;
    expect(list.map((r) => [r.KeyMaterialId, r.KeyMaterialState, r.RotationType])).toEqual([[second.KeyMaterialId, 'CURRENT', 'ON_DEMAND']]);
    expect(await decrypt(blob)).toBe('before');
    const out = await t.kms.send(new DecryptCommand({ CiphertextBlob: await encrypt(key.KeyId!, 'after') }));
    expect(out.KeyMaterialId).toBe(second.KeyMaterialId);
  });

  it('DeleteImportedKeyMaterial of a non-current material makes the key PendingImport until it is re-imported', async () => {
    const key = await t.createKey({ Origin: 'EXTERNAL' });
    const m1 = randomBytes(32);
    const first = await importWith(key.KeyId!, m1);
    await importWith(key.KeyId!, randomBytes(32), { ImportType: 'NEW_KEY_MATERIAL' });
    await t.kms.send(new RotateKeyOnDemandCommand({ KeyId: key.KeyId }));
    const deleted = await t.kms.send(new DeleteImportedKeyMaterialCommand({ KeyId: key.KeyId, KeyMaterialId: first.KeyMaterialId }));
    expect(deleted.KeyMaterialId).toBe(first.KeyMaterialId);
    expect((await describeKey(key.KeyId!)).KeyState).toBe('PendingImport');
    await importWith(key.KeyId!, m1, { KeyMaterialId: first.KeyMaterialId });
    expect((await describeKey(key.KeyId!)).KeyState).toBe('Enabled');
  });

  it('a key pending deletion keeps its state when its material is deleted', async () => {
    const key = await t.createKey({ Origin: 'EXTERNAL' });
    await importWith(key.KeyId!, randomBytes(32));
    await t.kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
    await t.kms.send(new DeleteImportedKeyMaterialCommand({ KeyId: key.KeyId }));
    expect((await describeKey(key.KeyId!)).KeyState).toBe('PendingDeletion');
    expect((await refusal(params(key.KeyId!))).name).toBe('KMSInvalidStateException');
  });
});
