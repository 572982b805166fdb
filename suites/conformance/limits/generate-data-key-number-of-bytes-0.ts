import { refused } from './_data-key-number-of-bytes.js';
import { inferred } from '../_lib/sources.js';

export default refused('GenerateDataKey', 0, inferred('service model: NumberOfBytesType (1..1024); ValidationException recorded for GenerateRandom\'s NumberOfBytes only (spec/aws-observed.md §6.1 V3, V4): code by analogy'));
