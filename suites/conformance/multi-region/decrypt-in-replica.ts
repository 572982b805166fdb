import { DecryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { documented, givenReplica, MRK_DOC, primaryKey, replicaRegion, REPLICATE_DOC } from './_support.js';
import { keyArn } from '../_lib/support.js';
import { givenCiphertext } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'multi-region.decrypt-in-replica',
  title: "Ciphertext from the primary decrypts in the replica's Region, which names the replica",
  doc: MRK_DOC,
  source: documented(`${REPLICATE_DOC} ("Because these KMS keys have the same key ID, key material, and other metadata, you can use them interchangeably to encrypt data in one Amazon Web Services Region and decrypt it in a different Amazon Web Services Region")`),
  tags: ['multi-region'],
  ops: ['CreateKey', 'ReplicateKey', 'DescribeKey', 'Encrypt', 'Decrypt'],
  timeoutMs: 120_000,
  async run(t) {
    const key = await primaryKey(t);
    const region = replicaRegion(t);
    await givenReplica(t, key.KeyId, region);
    const blob = await givenCiphertext(t, key.KeyId, { plaintext: Buffer.from('from the primary'), context: { purpose: 'mrk' } });
    const out = await t.kmsIn(region).send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: { purpose: 'mrk' } }));
    t.expectEqual(Buffer.from(out.Plaintext!).toString(), 'from the primary', 'plaintext in the replica Region');
    t.expectEqual(out.KeyId, keyArn(t, key.KeyId, region), 'KeyId of Decrypt (the replica)');
  },
});
