import { dataKeyLength } from './_generate-data-key-lengths.js';
import { documented } from '../_lib/sources.js';

export default dataKeyLength('key-spec-aes-128', { KeySpec: 'AES_128' }, 16, documented('service model: GenerateDataKeyRequest.KeySpec (AES_128: 128 bits)'));
