/**
 * List operations take Limit 1..1000 in the model (ListKeys 1..1000; aws-observed.md §4.5).
 * Outside the range: ValidationException (wording INFERRED, code only).
 */
import { refusedLimit } from './_list-limit-bounds.js';

export default refusedLimit('ListKeys', 0, {
  kind: 'inferred',
  cite: 'service model: LimitType (1..1000); ValidationException by analogy with recorded range violations (spec/aws-observed.md §6.1 V3), not recorded',
  verifiedAt: '2026-12-07',
});
