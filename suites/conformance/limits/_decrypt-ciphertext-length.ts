/**
 * Decrypt's CiphertextBlob is 1..6144 bytes (facts sheet; MODEL CiphertextType).
 *
 * Shared by the decrypt ciphertext length cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */

export const blob = (n: number) => Buffer.alloc(n, 0x5a).toString('base64');
