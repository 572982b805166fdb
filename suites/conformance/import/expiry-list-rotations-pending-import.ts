import { expiryCase, rotations } from './_support.js';

/** Imported material that expires on the server clock. */
export default expiryCase({
  id: 'expiry-list-rotations-pending-import',
  title: 'Past ValidTo, ListKeyRotations (ALL_KEY_MATERIAL) shows the material with ImportState PENDING_IMPORT',
  ops: ['ListKeyRotations'],
  async body(t, key) {
    const list = await rotations(t, key.KeyId);
    t.expectEqual(list.map((r) => r.ImportState), ['PENDING_IMPORT'], 'ImportState of the material after ValidTo');
  },
});
