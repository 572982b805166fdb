import { dataKeyLength } from './_generate-data-key-lengths.js';

export default dataKeyLength('key-spec-aes-256', { KeySpec: 'AES_256' }, 32, {
  kind: 'documented',
  cite: 'service model: GenerateDataKeyRequest.KeySpec (AES_256: 256 bits)',
  verifiedAt: '2026-12-07',
});
