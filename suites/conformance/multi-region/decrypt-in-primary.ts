import { DecryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { documented, givenReplica, MRK_DOC, primaryKey, replicaRegion, REPLICATE_DOC } from './_support.js';
import { givenCiphertext } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'multi-region.decrypt-in-primary',
  title: "Ciphertext from a replica decrypts in the primary's Region",
  doc: MRK_DOC,
  source: documented(`${REPLICATE_DOC} ("Because these KMS keys have the same key ID, key material, and other metadata, you can use them interchangeably to encrypt data in one Amazon Web Services Region and decrypt it in a different Amazon Web Services Region")`),
  tags: ['multi-region'],
  ops: ['CreateKey', 'ReplicateKey', 'DescribeKey', 'Encrypt', 'Decrypt'],
  timeoutMs: 120_000,
  async run(t) {
    const key = await primaryKey(t);
    const region = replicaRegion(t);
    await givenReplica(t, key.KeyId, region);
    const blob = await givenCiphertext(t, key.KeyId, { plaintext: Buffer.from('from the replica'), kms: t.kmsIn(region), what: 'Encrypt under the replica gives a ciphertext', coveredBy: false });
    const out = await t.kms.send(new DecryptCommand({ CiphertextBlob: blob }));
    t.expectEqual(Buffer.from(out.Plaintext!).toString(), 'from the replica', 'plaintext in the primary Region');
  },
});
