import { DecryptCommand, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { documented, givenReplica, MRK_DOC, primaryKey, replicaRegion, REPLICATE_DOC } from './_support.js';

export default defineCase({
  id: 'multi-region.data-key-across-regions',
  title: "A data key made in the primary's Region decrypts in the replica's to the same bytes",
  doc: MRK_DOC,
  source: documented(`${REPLICATE_DOC} ("Because these KMS keys have the same key ID, key material, and other metadata, you can use them interchangeably to encrypt data in one Amazon Web Services Region and decrypt it in a different Amazon Web Services Region")`),
  tags: ['multi-region'],
  ops: ['CreateKey', 'ReplicateKey', 'DescribeKey', 'GenerateDataKey', 'Decrypt'],
  timeoutMs: 120_000,
  async run(t) {
    const key = await primaryKey(t);
    const region = replicaRegion(t);
    await givenReplica(t, key.KeyId, region);
    const dk = await t.kms.send(new GenerateDataKeyCommand({ KeyId: key.KeyId, KeySpec: 'AES_256' }));
    const out = await t.kmsIn(region).send(new DecryptCommand({ CiphertextBlob: dk.CiphertextBlob }));
    t.expectEqual(Buffer.from(out.Plaintext!).toString('hex'), Buffer.from(dk.Plaintext!).toString('hex'), 'the data key');
  },
});
