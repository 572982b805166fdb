import { describe, expect, it } from 'vitest';
import { ReEncryptResponseSchema } from './model/schemas.js';
import { SYMMETRIC_REENCRYPT_RESPONSE_MEMBERS } from './reencrypt-response.js';

describe('the ReEncrypt response members between symmetric keys', () => {
  it("are every member of the model's ReEncryptResponse, sorted", () => {
    expect(SYMMETRIC_REENCRYPT_RESPONSE_MEMBERS).toEqual(Object.keys(ReEncryptResponseSchema.shape).sort());
  });
});
