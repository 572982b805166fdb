import { refusedLimit } from './_list-limit-bounds.js';
import { inferred } from '../_lib/sources.js';

export default refusedLimit('ListKeys', 0, inferred('service model: LimitType (1..1000); ValidationException by analogy with recorded range violations (spec/aws-observed.md §6.1 V3), not recorded'));
