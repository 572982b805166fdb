import { absentKey } from './_tag-key-id-forms.js';

export default absentKey('TagResource', {
  kind: 'documented',
  cite: 'service model: TagResource errors (NotFoundException)',
  verifiedAt: '2026-12-07',
});
