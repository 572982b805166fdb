import { DecryptCommand, EncryptCommand } from '@aws-sdk/client-kms';
import { describeIn, documented, MODEL, MRK_DOC, replicaCase, REPLICATE_DOC } from './_support.js';
import { settle } from '../_lib/support.js';
import { rotateOnDemand } from '../rotation/_support.js';

export default replicaCase({
  behaviour: 'rotation-shared',
  title: 'After RotateKeyOnDemand on the primary, new ciphertext decrypts in the replica and both name the new material',
  doc: MRK_DOC,
  source: documented(`${MODEL('RotateKeyOnDemand')} ("To perform on-demand rotation of a set of related multi-Region keys ... invoke the on-demand rotation on the primary Region key"); ${REPLICATE_DOC} (shared key material)`),
  tags: ['rotation'],
  ops: ['RotateKeyOnDemand', 'GetKeyRotationStatus', 'Encrypt', 'Decrypt'],
  async body(t, key, region) {
    await t.given('RotateKeyOnDemand of the primary completes', () => rotateOnDemand(t, key.KeyId), { coveredBy: 'rotation.on-demand-new-material-used' });
    const { CiphertextBlob } = await t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: Buffer.from('after the rotation') }));
    const out = await t.kmsIn(region).send(new DecryptCommand({ CiphertextBlob }));
    t.expectEqual(Buffer.from(out.Plaintext!).toString(), 'after the rotation', 'plaintext in the replica Region');
    const primary = await describeIn(t, t.kms, key.KeyId);
    t.check(primary.CurrentKeyMaterialId !== key.CurrentKeyMaterialId, 'the primary has new material', primary);
    const replica = await settle(() => describeIn(t, t.kmsIn(region), key.KeyId), (m) => m.CurrentKeyMaterialId === primary.CurrentKeyMaterialId);
    t.expectEqual(replica.CurrentKeyMaterialId, primary.CurrentKeyMaterialId, 'CurrentKeyMaterialId of the replica');
  },
});
