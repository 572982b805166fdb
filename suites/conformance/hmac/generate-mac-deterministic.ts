import { GenerateMacCommand } from '@aws-sdk/client-kms';
import { apiDoc, documented, repeatedCallCase } from '../_lib/asymmetric.js';

export default repeatedCallCase({
  id: 'hmac.generate-mac-deterministic',
  title: 'GenerateMac of the same message with the same key twice gives the same MAC',
  doc: apiDoc('GenerateMac'),
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/hmac.html (HMAC, RFC 2104: a deterministic function of key and message)'),
  tags: ['hmac'],
  ops: ['GenerateMac'],
  spec: 'HMAC_384',
  usage: 'GENERATE_VERIFY_MAC',
  input: (t) => t.bytes(77),
  call: (t, key, m) => t.kms.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: m, MacAlgorithm: 'HMAC_SHA_384' })),
  bytes: (out) => out.Mac,
  equal: true,
  label: 'the two MACs are equal',
});
