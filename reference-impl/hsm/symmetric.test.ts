import { createSecretKey, randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKmsError } from '../errors.js';
import {
  BLOB_OVERHEAD,
  CIPHERTEXT_FORMAT_MRK,
  CIPHERTEXT_FORMAT_STORE,
  CIPHERTEXT_FORMAT_V1,
  parseCiphertextBlob,
  storeBlobHeader,
  readUuid,
  writeUuid,
} from './blob.js';
import { concatEncryptionContext, encodeEncryptionContext, type EncryptionContext } from './encryption-context.js';
import {
  decryptSymmetric,
  encryptSymmetric,
  generateBackingKey,
  generateRandom,
  importBackingKey,
} from './symmetric.js';

const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
const material = generateBackingKey();

const ustr = (maxLength = 10) => fc.string({ unit: 'binary', maxLength });
const contextArb = fc.dictionary(ustr(), ustr(), { maxKeys: 5 });
const plaintextArb = fc.uint8Array({ minLength: 1, maxLength: 4096 });

function encrypt(plaintext: Uint8Array, ctx?: EncryptionContext, version = 1): Buffer {
  return encryptSymmetric({ keyId: KEY_ID, backingKeyVersion: version, material, plaintext, contextAad: encodeEncryptionContext(ctx) });
}

function decrypt(blob: Uint8Array, ctx?: EncryptionContext, key = material): Buffer {
  return decryptSymmetric({ parsed: parseCiphertextBlob(blob), material: key, contextAad: encodeEncryptionContext(ctx) });
}

/** Runs `fn`; passes iff it throws InvalidCiphertextException (with AWS's empty message). */
function expectInvalidCiphertext(fn: () => unknown): void {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  if (!isKmsError(thrown) || thrown.code !== 'InvalidCiphertextException') {
    throw new Error(`expected InvalidCiphertextException, got ${thrown === undefined ? 'success' : String(thrown)}`);
  }
  expect(thrown.message).toBe('');
}

/** A context that differs from `ctx` (extra, missing, changed key/value, shifted boundary). */
const mutatedContext = (ctx: EncryptionContext) =>
  fc
    .oneof(
      // extra pair
      fc.tuple(ustr(), ustr()).map(([k, v]) => ({ ...ctx, [k]: v })),
      // missing pair
      fc.nat().map((i) => {
        const keys = Object.keys(ctx);
        if (keys.length === 0) return { extra: '' };
        const out = { ...ctx };
        delete out[keys[i % keys.length]!];
        return out;
      }),
      // changed value
      fc.tuple(fc.nat(), ustr()).map(([i, v]) => {
        const keys = Object.keys(ctx);
        if (keys.length === 0) return { changed: v };
        return { ...ctx, [keys[i % keys.length]!]: v };
      }),
      // changed key
      fc.tuple(fc.nat(), ustr(3)).map(([i, suffix]) => {
        const keys = Object.keys(ctx);
        if (keys.length === 0) return { [suffix]: '' };
        const k = keys[i % keys.length]!;
        const out = { ...ctx };
        const v = out[k]!;
        delete out[k];
        return { ...out, [k + (suffix || 'x')]: v };
      }),
      // boundary shift between a key and its value
      fc.tuple(fc.nat(), fc.integer({ min: -3, max: 3 })).map(([i, shift]) => {
        const keys = Object.keys(ctx);
        if (keys.length === 0) return { a: 'bc' };
        const k = keys[i % keys.length]!;
        const joined = [...(k + ctx[k]!)];
        const klen = [...k].length;
        const at = Math.max(0, Math.min(joined.length, klen + (shift === 0 ? 1 : shift)));
        const out = { ...ctx };
        delete out[k];
        return { ...out, [joined.slice(0, at).join('')]: joined.slice(at).join('') };
      }),
    )
    .filter((m) => !encodeEncryptionContext(m).equals(encodeEncryptionContext(ctx)));

describe('ciphertext blob layout', () => {
  it('is version ‖ key id ‖ backing version ‖ IV ‖ tag ‖ ciphertext', () => {
    const pt = Buffer.from('hello');
    const blob = encrypt(pt, undefined, 0x01020304);
    expect(blob.length).toBe(pt.length + BLOB_OVERHEAD);
    expect(BLOB_OVERHEAD).toBe(49);
    expect(blob[0]).toBe(CIPHERTEXT_FORMAT_V1);
    expect(blob.subarray(1, 17).toString('hex')).toBe(KEY_ID.replaceAll('-', ''));
    expect(blob.readUInt32BE(17)).toBe(0x01020304);
    const parsed = parseCiphertextBlob(blob);
    expect(parsed).toMatchObject({ formatVersion: 1, keyId: KEY_ID, backingKeyVersion: 0x01020304 });
    expect(parsed.iv.equals(blob.subarray(21, 33))).toBe(true);
    expect(parsed.tag.equals(blob.subarray(33, 49))).toBe(true);
    expect(parsed.ciphertext.length).toBe(pt.length);
  });

  it('fits a 4096-byte plaintext well inside the 6144-byte blob limit', () => {
    expect(encrypt(randomBytes(4096)).length).toBe(4145);
  });

  it('round-trips UUIDs through 16 bytes (lower-cased)', () => {
    const buf = Buffer.alloc(16);
    for (let i = 0; i < 200; i++) {
      const id = randomUUID();
      writeUuid(id.toUpperCase(), buf, 0);
      expect(readUuid(buf, 0)).toBe(id);
    }
  });

  it('multi-Region key ids: format 2 carries the 32 hex digits; the blob names the key, not a Region', () => {
    const mrk = 'mrk-1234abcd12ab34cd56ef1234567890ab';
    const blob = encryptSymmetric({ keyId: mrk, backingKeyVersion: 3, material, plaintext: Buffer.from('x'), contextAad: Buffer.alloc(0) });
    expect(blob[0]).toBe(CIPHERTEXT_FORMAT_MRK);
    expect(blob.length).toBe(BLOB_OVERHEAD + 1);
    const parsed = parseCiphertextBlob(blob);
    expect([parsed.keyId, parsed.backingKeyVersion]).toEqual([mrk, 3]);
    expect(decryptSymmetric({ parsed, material, contextAad: Buffer.alloc(0) }).toString()).toBe('x');
  });

  it('custom key store keys: format 3 is the 21-byte header and the store\'s bytes', () => {
    const blob = Buffer.concat([storeBlobHeader(KEY_ID), Buffer.alloc(40, 7)]);
    const parsed = parseCiphertextBlob(blob);
    expect([parsed.formatVersion, parsed.keyId, parsed.header.length, parsed.ciphertext.length]).toEqual([CIPHERTEXT_FORMAT_STORE, KEY_ID, 21, 40]);
  });

  it('rejects key ids that are not UUIDs with KMSInternalException (caller bug)', () => {
    const bad = [
      '',
      'not-a-uuid',
      `${KEY_ID}0`,
      KEY_ID.slice(1),
      KEY_ID.replace('1234abcd-', '1234abcd_'),
      KEY_ID.replace('-12ab-', '1-2ab-'),
      KEY_ID.replace('a', 'g'),
      KEY_ID.replace('1', '\u0661'), // ARABIC-INDIC DIGIT ONE
      KEY_ID.replace('a', '\u0161'),
      'mrk-1234abcd12ab34cd56ef1234567890a', // multi-Region ids are mrk- and 32 hex digits (format 2)
      'mrk-1234ABCD12AB34CD56EF1234567890AB',
      42,
    ];
    for (const keyId of bad as string[]) {
      expect(() => encryptSymmetric({ keyId, backingKeyVersion: 1, material, plaintext: Buffer.from('x'), contextAad: Buffer.alloc(0) })).toThrow(
        expect.objectContaining({ code: 'KMSInternalException' }),
      );
    }
  });

  it('parses views, accepts a plain Uint8Array, and never copies', () => {
    const blob = encrypt(Buffer.from('abc'));
    const u8 = new Uint8Array(blob.buffer, blob.byteOffset, blob.length);
    expect(decrypt(u8).toString()).toBe('abc');
    expect(parseCiphertextBlob(blob).ciphertext.buffer).toBe(blob.buffer);
  });
});

describe('encryptSymmetric / decryptSymmetric', () => {
  it('round-trips random plaintexts (1..4096 bytes) and contexts', () => {
    fc.assert(
      fc.property(plaintextArb, contextArb, (pt, ctx) => {
        const blob = encrypt(pt, ctx);
        expect(blob.length).toBe(pt.length + BLOB_OVERHEAD);
        expect(decrypt(blob, ctx).equals(Buffer.from(pt))).toBe(true);
        // The same pairs in another order decrypt too.
        const reversed = Object.fromEntries(Object.entries(ctx).reverse());
        expect(decrypt(blob, reversed).equals(Buffer.from(pt))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('treats an absent and an empty context alike', () => {
    const pt = Buffer.from('data');
    expect(decrypt(encrypt(pt, undefined), {}).toString()).toBe('data');
    expect(decrypt(encrypt(pt, {}), undefined).toString()).toBe('data');
  });

  it('fails with InvalidCiphertextException for any different context', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        contextArb.chain((ctx) => fc.tuple(fc.constant(ctx), mutatedContext(ctx))),
        (pt, [ctx, other]) => {
          const blob = encrypt(pt, ctx);
          expectInvalidCiphertext(() => decrypt(blob, other));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('the ec-concat fault really lets {a:bc} decrypt what was bound to {ab:c}', () => {
    const blob = encryptSymmetric({ keyId: KEY_ID, backingKeyVersion: 1, material, plaintext: Buffer.from('s'), contextAad: concatEncryptionContext({ ab: 'c' }) });
    const parsed = parseCiphertextBlob(blob);
    expect(decryptSymmetric({ parsed, material, contextAad: concatEncryptionContext({ a: 'bc' }) }).toString()).toBe('s');
    expectInvalidCiphertext(() => decryptSymmetric({ parsed, material, contextAad: encodeEncryptionContext({ a: 'bc' }) }));
  });

  it('fails with InvalidCiphertextException under another backing key', () => {
    const blob = encrypt(Buffer.from('data'));
    expectInvalidCiphertext(() => decrypt(blob, undefined, generateBackingKey()));
  });

  it('accepts KeyObject material interchangeably with raw bytes', () => {
    const ko = importBackingKey(material);
    const blob = encryptSymmetric({ keyId: KEY_ID, backingKeyVersion: 1, material: ko, plaintext: Buffer.from('kobj'), contextAad: Buffer.alloc(0) });
    expect(decrypt(blob).toString()).toBe('kobj');
    expect(decryptSymmetric({ parsed: parseCiphertextBlob(encrypt(Buffer.from('raw'))), material: ko, contextAad: Buffer.alloc(0) }).toString()).toBe('raw');
  });

  it('rejects backing keys that are not 256-bit with KMSInternalException (server problem)', () => {
    const blob = encrypt(Buffer.from('x'));
    for (const bad of [randomBytes(16), randomBytes(31), createSecretKey(randomBytes(16))]) {
      expect(() => decrypt(blob, undefined, bad as Buffer)).toThrow(expect.objectContaining({ code: 'KMSInternalException' }));
      expect(() => encryptSymmetric({ keyId: KEY_ID, backingKeyVersion: 1, material: bad, plaintext: Buffer.from('x'), contextAad: Buffer.alloc(0) })).toThrow(
        expect.objectContaining({ code: 'KMSInternalException' }),
      );
    }
    for (const backingKeyVersion of [-1, 1.5, 2 ** 32, Number.NaN]) {
      expect(() => encryptSymmetric({ keyId: KEY_ID, backingKeyVersion, material, plaintext: Buffer.from('x'), contextAad: Buffer.alloc(0) })).toThrow(
        expect.objectContaining({ code: 'KMSInternalException' }),
      );
    }
  });

  it('uses a fresh IV every time (across IV-pool refills)', () => {
    const seen = new Set<string>();
    const pt = Buffer.from('same');
    for (let i = 0; i < 12_000; i++) seen.add(encrypt(pt).toString('hex', 21, 33));
    expect(seen.size).toBe(12_000);
  });

  it('never puts plaintext or key bytes into error messages', () => {
    const pt = Buffer.from('TOP-SECRET-PLAINTEXT');
    const blob = encrypt(pt, { k: 'v' });
    let err: unknown;
    try {
      decrypt(blob, { k: 'w' });
    } catch (e) {
      err = e;
    }
    const text = `${String(err)} ${JSON.stringify(err)} ${(err as Error).stack ?? ''}`;
    expect(text).not.toContain('TOP-SECRET');
    expect(text).not.toContain(material.toString('hex'));
    expect(text).not.toContain(material.toString('base64'));
  });
});

describe('tampered and malformed blobs', () => {
  it('truncated blobs always fail with InvalidCiphertextException', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), contextArb, fc.nat(), (pt, ctx, cut) => {
        const blob = encrypt(pt, ctx);
        const len = cut % blob.length; // 0 .. blob.length - 1
        expectInvalidCiphertext(() => decrypt(blob.subarray(0, len), ctx));
      }),
      { numRuns: 1000 },
    );
  });

  it('every single-bit flip fails with InvalidCiphertextException', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), contextArb, (pt, ctx) => {
        const blob = encrypt(pt, ctx);
        for (let bit = 0; bit < blob.length * 8; bit++) {
          const copy = Buffer.from(blob);
          copy[bit >> 3]! ^= 1 << (bit & 7);
          expectInvalidCiphertext(() => decrypt(copy, ctx));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('a moved header (other key id or backing version, same material) fails', () => {
    const blob = encrypt(Buffer.from('data'), undefined, 7);
    const moved = Buffer.from(blob);
    writeUuid(randomUUID(), moved, 1);
    expectInvalidCiphertext(() => decrypt(moved));
    const rev = Buffer.from(blob);
    rev.writeUInt32BE(8, 17);
    expectInvalidCiphertext(() => decrypt(rev));
  });

  it('unknown format versions fail in parse (1: UUID key ids, 2: multi-Region key ids, 3: custom key store keys)', () => {
    const blob = encrypt(Buffer.from('data'));
    for (let v = 0; v < 256; v++) {
      if (v === CIPHERTEXT_FORMAT_V1 || v === CIPHERTEXT_FORMAT_MRK || v === CIPHERTEXT_FORMAT_STORE) continue;
      const copy = Buffer.from(blob);
      copy[0] = v;
      expectInvalidCiphertext(() => parseCiphertextBlob(copy));
    }
  });

  it('arbitrary bytes and non-bytes only ever fail with InvalidCiphertextException', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.boolean(), (bytes, v1) => {
        if (v1 && bytes.length > 0) bytes[0] = CIPHERTEXT_FORMAT_V1;
        expectInvalidCiphertext(() => decrypt(bytes));
      }),
      { numRuns: 2000 },
    );
    for (const junk of [undefined, null, 'AQID', 42, {}, [1, 2, 3]]) {
      expectInvalidCiphertext(() => parseCiphertextBlob(junk as unknown as Uint8Array));
    }
  });
});

describe('random helpers', () => {
  it('generateRandom returns n fresh bytes, outside the shared Buffer pool', () => {
    for (const n of [0, 1, 32, 1024]) {
      const b = generateRandom(n);
      expect(b.length).toBe(n);
      expect(b.buffer.byteLength).toBe(n);
    }
    expect(generateRandom(32).equals(generateRandom(32))).toBe(false);
    for (const n of [-1, 1.5, Number.NaN]) expect(() => generateRandom(n)).toThrow(expect.objectContaining({ code: 'KMSInternalException' }));
  });

  it('generateBackingKey returns distinct 32-byte keys', () => {
    const a = generateBackingKey();
    const b = generateBackingKey();
    expect(a.length).toBe(32);
    expect(a.equals(b)).toBe(false);
  });
});
