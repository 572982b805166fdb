import { settle } from '../_lib/support.js';
import { GetKeyLastUsageCommand, ReEncryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { apiDoc, documented } from '../_lib/asymmetric.js';
import { givenCiphertext, givenKey, TESTED_BY } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'keys.last-usage-reencrypt-both-keys',
  title: 'GetKeyLastUsage after ReEncrypt reports Operation ReEncrypt for both the source and the destination key',
  doc: apiDoc('GetKeyLastUsage'),
  source: documented('service model: GetKeyLastUsage ("The ReEncrypt operation uses two keys ... Usage information is recorded for both keys independently")'),
  tags: ['semantics'],
  ops: ['CreateKey', 'Encrypt', 'ReEncrypt', 'GetKeyLastUsage'],
  async run(t) {
    const src = await givenKey(t);
    const dst = await givenKey(t);
    const blob = await givenCiphertext(t, src.KeyId, { plaintext: t.bytes(8) });
    await t.given('ReEncrypt from one key to the other (the use to be reported)', () => t.kms.send(new ReEncryptCommand({ CiphertextBlob: blob, DestinationKeyId: dst.KeyId })), {
      coveredBy: TESTED_BY.reEncrypt,
    });
    for (const k of [src, dst]) {
      const out = await settle(() => t.kms.send(new GetKeyLastUsageCommand({ KeyId: k.KeyId })), (o) => o.KeyLastUsage?.Operation === 'ReEncrypt');
      t.expectEqual(out.KeyLastUsage?.Operation, 'ReEncrypt', `Operation for the ${k === src ? 'source' : 'destination'} key`);
    }
  },
});
