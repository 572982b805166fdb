import { dataKeyLength } from './_generate-data-key-lengths.js';
import { documented } from '../_lib/sources.js';

export default dataKeyLength('number-of-bytes-64', { NumberOfBytes: 64 }, 64, documented('service model: GenerateDataKeyRequest.NumberOfBytes'));
