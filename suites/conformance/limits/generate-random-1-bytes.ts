/** GenerateRandom NumberOfBytes is 1..1024 and required (aws-observed.md V2-V4, recorded on AWS). */
import { accepted } from './_generate-random-bounds.js';

export default accepted(1, {
  kind: 'documented',
  cite: 'service model: NumberOfBytesType (1..1024)',
  verifiedAt: '2026-12-07',
});
