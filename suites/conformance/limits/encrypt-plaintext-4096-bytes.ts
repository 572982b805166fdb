import { accepted } from './_encrypt-plaintext-length.js';

export default accepted(4096, {
  kind: 'documented',
  cite: 'service model: PlaintextType (1..4096)',
  verifiedAt: '2026-12-07',
});
