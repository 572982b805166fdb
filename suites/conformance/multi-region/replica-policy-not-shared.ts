import { GetKeyPolicyCommand, PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import { documented, MODEL, MRK_DOC, replicaCase } from './_support.js';
import { givenPolicy } from '../policy/_support.js';

export default replicaCase({
  behaviour: 'replica-policy-not-shared',
  title: "PutKeyPolicy on a replica does not change the primary's policy",
  doc: MRK_DOC,
  source: documented(`${MODEL('ReplicateKeyRequest.Policy')} ("The key policy is not a shared property of multi-Region keys ... KMS does not synchronize this property")`),
  tags: ['policy'],
  ops: ['PutKeyPolicy', 'GetKeyPolicy'],
  async body(t, key, region) {
    const before = await givenPolicy(t, key.KeyId);
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Sid: 'kmsbench replica policy', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${t.account}:root` }, Action: 'kms:*', Resource: '*' }],
    });
    await t.kmsIn(region).send(new PutKeyPolicyCommand({ KeyId: key.KeyId, PolicyName: 'default', Policy: policy }));
    t.expectEqual((await t.kms.send(new GetKeyPolicyCommand({ KeyId: key.KeyId, PolicyName: 'default' }))).Policy, before, 'the primary\'s policy');
  },
});
