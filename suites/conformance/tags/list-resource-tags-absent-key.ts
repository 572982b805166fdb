import { absentKey } from './_tag-key-id-forms.js';

export default absentKey('ListResourceTags', {
  kind: 'documented',
  cite: 'service model: ListResourceTags errors (NotFoundException)',
  verifiedAt: '2026-12-07',
});
