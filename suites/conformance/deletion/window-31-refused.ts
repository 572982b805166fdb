import { windowRefused } from './_window.js';

/** kms-facts.md: PendingWindowInDays outside 7..30 → ValidationException; the wording is not recorded for 31 days, so the code only. */
export default windowRefused(31);
