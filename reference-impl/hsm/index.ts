/**
 * The software HSM: master key and sealing, encryption-context encoding, the symmetric
 * ciphertext blob and AES-256-GCM Encrypt/Decrypt; the asymmetric half — key specs, key pairs,
 * RSA OAEP, Sign/Verify, ECDH, HMAC, data key pairs, key import and import tokens. Pure
 * functions except `loadMasterKey`. (ecdsa-digest, rsa-digest and ed25519ph are internals of
 * `sign.ts`, and sealing.ts of `master-key.ts` and `import-token.ts`; none is re-exported.)
 *
 * @module
 */

export * from './master-key.js';
export * from './encryption-context.js';
export * from './blob.js';
export * from './symmetric.js';
export * from './key-specs.js';
export * from './asymmetric-keys.js';
export * from './asymmetric-encrypt.js';
export * from './sign.js';
export * from './key-agreement.js';
export * from './hmac.js';
export * from './data-key-pair.js';
export * from './import.js';
export * from './import-token.js';
