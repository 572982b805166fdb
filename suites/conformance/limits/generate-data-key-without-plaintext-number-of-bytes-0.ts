/** GenerateDataKey* NumberOfBytes is 1..1024 (facts sheet; MODEL NumberOfBytesType). */
import { refused } from './_data-key-number-of-bytes.js';

export default refused('GenerateDataKeyWithoutPlaintext', 0);
