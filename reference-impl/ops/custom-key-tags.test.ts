import { describe, expect, it } from 'vitest';
import { takeCustomKeyTags } from './custom-key-tags.js';

const ID = '0f0e0d0c-0b0a-4908-8706-050403020100';

describe('the _custom_id_ / _custom_key_material_ CreateKey tags', () => {
  it('take the id and material out of the tags', () => {
    const material = Buffer.alloc(32, 9);
    const out = takeCustomKeyTags(
      [
        { TagKey: '_custom_id_', TagValue: ID },
        { TagKey: 'team', TagValue: 'a' },
        { TagKey: '_custom_key_material_', TagValue: material.toString('base64') },
      ],
      'SYMMETRIC_DEFAULT',
    );
    expect(out).toEqual({ keyId: ID, material, tags: [{ TagKey: 'team', TagValue: 'a' }] });
    expect(takeCustomKeyTags([{ TagKey: 'team', TagValue: 'a' }], 'SYMMETRIC_DEFAULT')).toEqual({ tags: [{ TagKey: 'team', TagValue: 'a' }] });
    expect(takeCustomKeyTags([{ TagKey: '_custom_key_material_', TagValue: Buffer.alloc(48).toString('base64') }], 'HMAC_384').material).toHaveLength(48);
  });

  it.each([
    [[{ TagKey: '_custom_id_', TagValue: 'my-key' }], 'SYMMETRIC_DEFAULT', /must be a key id/],
    [[{ TagKey: '_custom_id_', TagValue: ID.toUpperCase() }], 'SYMMETRIC_DEFAULT', /must be a key id/],
    [[{ TagKey: '_custom_key_material_', TagValue: Buffer.alloc(16).toString('base64') }], 'SYMMETRIC_DEFAULT', /must be 32 bytes in base64/],
    [[{ TagKey: '_custom_key_material_', TagValue: 'not base64!' }], 'SYMMETRIC_DEFAULT', /must be 32 bytes in base64/],
    [[{ TagKey: '_custom_key_material_', TagValue: Buffer.alloc(32).toString('base64') }], 'ECC_NIST_P256', /not supported for KeySpec ECC_NIST_P256/],
  ])('refuses %j for %s with ValidationException', (tags, spec, message) => {
    expect(() => takeCustomKeyTags(tags, spec)).toThrow(expect.objectContaining({ code: 'ValidationException', message: expect.stringMatching(message) }));
  });
});
