import { absentKey } from './_tag-key-id-forms.js';

export default absentKey('UntagResource', {
  kind: 'documented',
  cite: 'service model: UntagResource errors (NotFoundException)',
  verifiedAt: '2026-12-07',
});
