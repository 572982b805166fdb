import { dataKeyLength } from './_generate-data-key-lengths.js';
import { documented } from '../_lib/sources.js';

export default dataKeyLength('key-spec-aes-256', { KeySpec: 'AES_256' }, 32, documented('service model: GenerateDataKeyRequest.KeySpec (AES_256: 256 bits)'));
