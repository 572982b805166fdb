/**
 * The cryptographic handlers (Encrypt, Decrypt, ReEncrypt, GenerateDataKey*) in-process, for what
 * the conformance suite (suites/conformance/crypto, encryption-context, limits, key-state) does not
 * pin down: which backing-key version each reply's KeyMaterialId names, and the refusal of a blob
 * whose key the keyring has deleted on the server clock.
 *
 * Sources: spec/aws-observed.md (entry ids in the comments). Lines marked INFERRED assert our
 * documented behaviour where AWS's answer is unknown.
 */
import {
  DecryptCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  GenerateDataKeyWithoutPlaintextCommand,
  ReEncryptCommand,
  RotateKeyOnDemandCommand,
  ScheduleKeyDeletionCommand,
  type KeyMetadata,
} from '@aws-sdk/client-kms';
import { randomBytes } from 'node:crypto';
import { SYMMETRIC_REENCRYPT_RESPONSE_MEMBERS } from '../../common/reencrypt-response.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { DAY_SECONDS, members, refusal, inProcessKmsForFile, ROOT } from '../../test/support/in-process-kms.js';

const t = inProcessKmsForFile();
let key: KeyMetadata;
let other: KeyMetadata;

beforeAll(async () => {
  key = await t.createKey();
  other = await t.createKey();
});

const text = (s: string) => Buffer.from(s, 'utf8');

async function encrypt(plaintext: Buffer, keyId: string) {
  return (await t.kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: plaintext }))).CiphertextBlob!;
}

// KeyMaterialId members: in the MODEL; their presence on AWS today is not recorded for
// GenerateDataKey* and ReEncrypt (aws-observed 4.2) — INFERRED.
describe('KeyMaterialId names the backing-key version that was used', () => {
  it('GenerateDataKey and GenerateDataKeyWithoutPlaintext: the key material current at the time', async () => {
    const dk = await t.kms.send(new GenerateDataKeyCommand({ KeyId: key.KeyId, KeySpec: 'AES_256' }));
    expect(members(dk)).toEqual(['CiphertextBlob', 'KeyId', 'KeyMaterialId', 'Plaintext']);
    expect(dk.KeyMaterialId).toBe(key.CurrentKeyMaterialId);
    const wp = await t.kms.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: key.KeyId, NumberOfBytes: 16 }));
    expect(wp.KeyMaterialId).toBe(key.CurrentKeyMaterialId);
  });

  it('ReEncrypt: the source version the blob was sealed with, and the destination key\'s current one', async () => {
    const fresh = await t.createKey();
    const blob = await encrypt(text('move me'), fresh.KeyId!);
    await t.kms.send(new RotateKeyOnDemandCommand({ KeyId: fresh.KeyId }));
    const out = await t.kms.send(new ReEncryptCommand({ CiphertextBlob: blob, DestinationKeyId: other.KeyId }));
    expect(members(out)).toEqual(SYMMETRIC_REENCRYPT_RESPONSE_MEMBERS);
    expect(out).toMatchObject({
      KeyId: other.Arn,
      SourceKeyId: fresh.Arn,
      SourceKeyMaterialId: fresh.CurrentKeyMaterialId,
      DestinationKeyMaterialId: other.CurrentKeyMaterialId,
    });
    const back = await t.kms.send(new DecryptCommand({ CiphertextBlob: out.CiphertextBlob }));
    expect([Buffer.from(back.Plaintext!).toString(), back.KeyMaterialId]).toEqual(['move me', other.CurrentKeyMaterialId]);
  });
});

describe('bytes that only look like a blob, without KeyId', () => {
  // RSA ciphertext sent without KeyId starts with a blob format byte 3 times in 256. A blob names a
  // key id this server made (a version 4 UUID, or `mrk-` and one's hex digits) or it is garbage.
  const garbage = (format: number, id: Buffer) => Buffer.concat([Buffer.from([format]), id, Buffer.alloc(4), randomBytes(240)]);
  const notV4 = Buffer.from('00112233445566778899aabbccddeeff', 'hex'); // version nibble 7, variant 0
  it.each([
    [1, 'a key id'],
    [2, 'a multi-Region id'],
    [3, 'a key id in a custom key store'],
  ])('format %i naming %s no server made: InvalidCiphertextException, not AccessDenied', async (format) => {
    expect(await refusal(t.kms.send(new DecryptCommand({ CiphertextBlob: garbage(format, notV4) })))).toMatchObject({ name: 'InvalidCiphertextException', status: 400 });
  });
  it('a multi-Region key made here has a v4-shaped id, so its blob in a Region without it is AccessDenied (X3)', async () => {
    const mrk = await t.createKey({ MultiRegion: true });
    expect(mrk.KeyId).toMatch(/^mrk-[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}$/);
    const v4 = Buffer.from(mrk.KeyId!.slice(4), 'hex');
    v4[0]! ^= 0xff; // another v4-shaped id: a key that could exist, but not here
    expect(await refusal(t.kms.send(new DecryptCommand({ CiphertextBlob: garbage(2, v4) })))).toMatchObject({ name: 'AccessDeniedException', status: 400 });
  });
});

// Moves the server clock: keep this block last in the file.
describe('after the key is deleted (clock advanced)', () => {
  it('refuses its ciphertext with AccessDenied naming "the resource associated with this ciphertext" (C8, X3)', async () => {
    const k = await t.createKey();
    const blob = await encrypt(text('gone'), k.KeyId!);
    await t.kms.send(new ScheduleKeyDeletionCommand({ KeyId: k.KeyId, PendingWindowInDays: 7 }));
    await t.advanceClock(7 * DAY_SECONDS + 60);
    expect(await refusal(t.kms.send(new DecryptCommand({ CiphertextBlob: blob })))).toEqual({
      name: 'AccessDeniedException',
      message: `User: ${ROOT} is not authorized to perform: kms:Decrypt on the resource associated with this ciphertext because the resource does not exist in this Region, no resource-based policies allow access, or a resource-based policy explicitly denies access`,
      status: 400,
    });
    expect((await refusal(encrypt(text('x'), k.KeyId!))).message).toBe(`Key '${k.Arn}' does not exist`);
  });
});
