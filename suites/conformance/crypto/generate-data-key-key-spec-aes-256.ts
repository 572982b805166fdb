/** The data key's length follows KeySpec or NumberOfBytes (MODEL GenerateDataKey; facts sheet). */
import { dataKeyLength } from './_generate-data-key-lengths.js';

export default dataKeyLength('key-spec-aes-256', { KeySpec: 'AES_256' }, 32);
