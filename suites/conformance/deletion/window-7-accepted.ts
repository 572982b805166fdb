import { windowAccepted } from './_window.js';

/** kms-facts.md: real KMS accepts PendingWindowInDays 7..30. */
export default windowAccepted(7, 'lower');
