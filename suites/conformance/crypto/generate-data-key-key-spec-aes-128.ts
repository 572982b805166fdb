import { dataKeyLength } from './_generate-data-key-lengths.js';

export default dataKeyLength('key-spec-aes-128', { KeySpec: 'AES_128' }, 16, {
  kind: 'documented',
  cite: 'service model: GenerateDataKeyRequest.KeySpec (AES_128: 128 bits)',
  verifiedAt: '2026-12-07',
});
