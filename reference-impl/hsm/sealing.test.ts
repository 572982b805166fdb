import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveSubkey, openAesGcm, SEALED_DATA_OFFSET, sealAesGcm } from './sealing.js';

describe('sealing', () => {
  const master = randomBytes(32);
  const key = deriveSubkey(master, Buffer.from('test/purpose/v1'));
  const binding = Buffer.from('label ‖ key arn');

  it('lays out format ‖ IV ‖ tag ‖ ciphertext and opens back', () => {
    const plaintext = randomBytes(40);
    const sealed = sealAesGcm(key, 0x07, plaintext, binding);
    expect(sealed.length).toBe(SEALED_DATA_OFFSET + plaintext.length);
    expect(sealed[0]).toBe(0x07);
    expect(sealed.subarray(SEALED_DATA_OFFSET).equals(plaintext)).toBe(false);
    expect(openAesGcm(key, sealed, binding).equals(plaintext)).toBe(true);
  });

  it('refuses another binding, another purpose, a changed format byte or a flipped bit', () => {
    const sealed = sealAesGcm(key, 0x01, Buffer.from('secret'), binding);
    expect(() => openAesGcm(key, sealed, Buffer.from('label ‖ other arn'))).toThrow();
    expect(() => openAesGcm(deriveSubkey(master, Buffer.from('test/other/v1')), sealed, binding)).toThrow();
    const format = Buffer.from(sealed);
    format[0] = 0x02;
    expect(() => openAesGcm(key, format, binding)).toThrow();
    const flipped = Buffer.from(sealed);
    flipped[SEALED_DATA_OFFSET] ^= 1;
    expect(() => openAesGcm(key, flipped, binding)).toThrow();
  });
});
