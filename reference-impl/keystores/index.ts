/**
 * Custom key stores (AWS_CLOUDHSM over a PKCS#11 token or software; EXTERNAL_KEY_STORE over the
 * XKS proxy API). The handlers are wired into the operations table by the server.
 *
 * @module
 */
export * from './model.js';
export * from './handlers.js';
export * from './crypto.js';
export { effectiveKeyState, checkGenerateRandom } from './state-machine.js';
export { InMemoryCustomKeyStoreRepository, type CustomKeyStoreRepository } from './repository.js';
export { Pkcs11CloudHsm } from './backends/cloudhsm-pkcs11.js';
export { SoftwareCloudHsm } from './backends/software.js';
export { HttpXksProxyClient, type XksClientOptions } from './backends/xks-client.js';
export { pkcs11Availability, SOFTHSM2_LIBRARY } from './backends/pkcs11.js';
export type { CloudHsmBackend, XksProxyApi } from './backends/types.js';
