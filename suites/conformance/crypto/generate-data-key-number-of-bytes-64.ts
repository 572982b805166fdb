/** The data key's length follows KeySpec or NumberOfBytes (MODEL GenerateDataKey; facts sheet). */
import { dataKeyLength } from './_generate-data-key-lengths.js';

export default dataKeyLength('number-of-bytes-64', { NumberOfBytes: 64 }, 64);
