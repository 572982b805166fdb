import { dataKeyLength } from './_generate-data-key-lengths.js';

export default dataKeyLength('number-of-bytes-64', { NumberOfBytes: 64 }, 64, {
  kind: 'documented',
  cite: 'service model: GenerateDataKeyRequest.NumberOfBytes',
  verifiedAt: '2026-12-07',
});
