import { UpdatePrimaryRegionCommand } from '@aws-sdk/client-kms';
import { describeIn, documented, replicaCase, UPDATE_PRIMARY_DOC } from './_support.js';
import { keyArn, settle } from '../_lib/support.js';

export default replicaCase({
  behaviour: 'update-primary-region',
  title: 'UpdatePrimaryRegion: the replica becomes PRIMARY and the former primary a REPLICA',
  doc: UPDATE_PRIMARY_DOC,
  source: documented(`${UPDATE_PRIMARY_DOC} ("This operation changes the replica key in the specified Region to a primary key and changes the former primary key to a replica key")`),
  ops: ['UpdatePrimaryRegion'],
  async body(t, key, region) {
    await t.kms.send(new UpdatePrimaryRegionCommand({ KeyId: key.KeyId, PrimaryRegion: region }));
    const next = await settle(() => describeIn(t, t.kmsIn(region), key.KeyId), (m) => m.MultiRegionConfiguration?.MultiRegionKeyType === 'PRIMARY' && m.KeyState === 'Enabled');
    t.expectEqual(next.MultiRegionConfiguration?.MultiRegionKeyType, 'PRIMARY', 'the key in the new primary Region');
    const old = await settle(() => describeIn(t, t.kms, key.KeyId), (m) => m.MultiRegionConfiguration?.MultiRegionKeyType === 'REPLICA');
    t.expectEqual(old.MultiRegionConfiguration?.PrimaryKey, { Arn: keyArn(t, key.KeyId, region), Region: region }, 'PrimaryKey seen from the former primary');
  },
});
