import { settle } from '../_lib/support.js';
import { EncryptCommand, GetKeyLastUsageCommand, ReEncryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { apiDoc, documented } from '../_lib/asymmetric.js';

export default defineCase({
  id: 'keys.last-usage-reencrypt-both-keys',
  title: 'GetKeyLastUsage after ReEncrypt reports Operation ReEncrypt for both the source and the destination key',
  doc: apiDoc('GetKeyLastUsage'),
  source: documented('service model: GetKeyLastUsage ("The ReEncrypt operation uses two keys ... Usage information is recorded for both keys independently")'),
  tags: ['semantics'],
  ops: ['CreateKey', 'Encrypt', 'ReEncrypt', 'GetKeyLastUsage'],
  async run(t) {
    const src = await t.createKey();
    const dst = await t.createKey();
    const e = await t.kms.send(new EncryptCommand({ KeyId: src.KeyId, Plaintext: t.bytes(8) }));
    await t.kms.send(new ReEncryptCommand({ CiphertextBlob: e.CiphertextBlob, DestinationKeyId: dst.KeyId }));
    for (const k of [src, dst]) {
      const out = await settle(() => t.kms.send(new GetKeyLastUsageCommand({ KeyId: k.KeyId })), (o) => o.KeyLastUsage?.Operation === 'ReEncrypt');
      t.expectEqual(out.KeyLastUsage?.Operation, 'ReEncrypt', `Operation for the ${k === src ? 'source' : 'destination'} key`);
    }
  },
});
