import { GenerateMacCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { apiDoc, documented, keyOf } from '../_lib/asymmetric.js';

export default defineCase({
  id: 'hmac.generate-mac-deterministic',
  title: 'GenerateMac of the same message with the same key twice gives the same MAC',
  doc: apiDoc('GenerateMac'),
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/hmac.html (HMAC, RFC 2104: a deterministic function of key and message)'),
  tags: ['hmac'],
  ops: ['CreateKey', 'GenerateMac'],
  async run(t) {
    const key = await keyOf(t, 'HMAC_384', 'GENERATE_VERIFY_MAC');
    const m = t.bytes(77);
    const a = await t.kms.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: m, MacAlgorithm: 'HMAC_SHA_384' }));
    const b = await t.kms.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: m, MacAlgorithm: 'HMAC_SHA_384' }));
    t.check(Buffer.from(a.Mac!).equals(Buffer.from(b.Mac!)), 'the two MACs are equal');
  },
});
