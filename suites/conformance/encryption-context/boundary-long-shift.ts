import { mismatchCase } from './_support.js';

/** The key/value boundary moved by several characters in longer, realistic strings. */
export default mismatchCase({
  behaviour: 'boundary-long-shift',
  title: 'Decrypt refuses {tenantacme:"-corp-eu"} for a blob sealed under {tenant:"acme-corp-eu"}',
  sealedWith: { tenant: 'acme-corp-eu' },
  openedWith: { tenantacme: '-corp-eu' },
});
