import { defineCase } from '../../../harness/conformance/case.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'keys.create-key-unique-ids',
  title: 'Two CreateKey calls, even concurrent, make two keys with different KeyIds and Arns',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html#API_CreateKey_ResponseElements',
  source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html#API_CreateKey_ResponseElements (each call creates a new KMS key)'),
  tags: ['semantics'],
  ops: ['CreateKey'],
  async run(t) {
    const [a, b] = await Promise.all([t.createKey(), t.createKey()]);
    t.check(a.KeyId !== b.KeyId, 'the two KeyIds differ', [a.KeyId, b.KeyId]);
    t.check(a.Arn !== b.Arn, 'the two Arns differ', [a.Arn, b.Arn]);
  },
});
