import { describe, expiryCase } from './_support.js';

/** Imported material that expires on the server clock. */
export default expiryCase({
  id: 'expiry-makes-pending-import',
  title: 'Past its ValidTo (server clock) the material is deleted: DescribeKey shows PendingImport and no ExpirationModel',
  ops: ['DescribeKey'],
  async body(t, key) {
    const md = await describe(t, key.KeyId);
    t.expectEqual([md.KeyState, md.Enabled], ['PendingImport', false], 'KeyState, Enabled after ValidTo');
    t.check(md.ExpirationModel === undefined, 'no ExpirationModel once the material is gone', md);
  },
});
