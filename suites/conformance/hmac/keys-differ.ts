import { GenerateMacCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { apiDoc, documented, keyOf } from '../_lib/asymmetric.js';

export default defineCase({
  id: 'hmac.keys-differ',
  title: 'Two HMAC_256 keys give different MACs for the same message (each key has its own material)',
  doc: apiDoc('GenerateMac'),
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/hmac.html (each HMAC key has its own secret key material)'),
  tags: ['hmac'],
  ops: ['CreateKey', 'GenerateMac'],
  async run(t) {
    const k1 = await keyOf(t, 'HMAC_256', 'GENERATE_VERIFY_MAC');
    const k2 = await keyOf(t, 'HMAC_256', 'GENERATE_VERIFY_MAC');
    const m = t.bytes(40);
    const a = await t.kms.send(new GenerateMacCommand({ KeyId: k1.KeyId, Message: m, MacAlgorithm: 'HMAC_SHA_256' }));
    const b = await t.kms.send(new GenerateMacCommand({ KeyId: k2.KeyId, Message: m, MacAlgorithm: 'HMAC_SHA_256' }));
    t.check(!Buffer.from(a.Mac!).equals(Buffer.from(b.Mac!)), 'the MACs differ');
  },
});
