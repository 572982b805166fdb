/**
 * The software HSM: master key and sealing, encryption-context encoding, the symmetric
 * ciphertext blob and AES-256-GCM Encrypt/Decrypt. Pure functions except `loadMasterKey`.
 *
 * @module
 */

export * from './master-key.js';
export * from './encryption-context.js';
export * from './blob.js';
export * from './symmetric.js';
