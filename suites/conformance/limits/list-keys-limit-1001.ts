import { refusedLimit } from './_list-limit-bounds.js';

export default refusedLimit('ListKeys', 1001, {
  kind: 'inferred',
  cite: 'service model: LimitType (1..1000); ValidationException by analogy with recorded range violations (spec/aws-observed.md §6.1 V4), not recorded',
  verifiedAt: '2026-12-07',
});
