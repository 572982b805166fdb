import { defineCase } from '../../../harness/conformance/case.js';
import { expectRawOk, members } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'keys.list-keys-entry-members',
  title: 'Every ListKeys entry is exactly {KeyArn, KeyId}, the ARN naming the same key',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_KeyListEntry.html#API_KeyListEntry_Contents',
  source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_KeyListEntry.html#API_KeyListEntry_Contents'),
  tags: ['semantics'],
  ops: ['CreateKey', 'ListKeys'],
  async run(t) {
    await givenKey(t);
    const body = expectRawOk<{ Keys?: Array<Record<string, unknown>> }>(t, await t.raw('ListKeys', { Limit: 50 }), 'ListKeys');
    const keys = body.Keys ?? [];
    t.check(keys.length > 0, 'ListKeys lists at least the key just created', body);
    for (const k of keys) {
      t.expectEqual(members(k), ['KeyArn', 'KeyId'], 'members of a ListKeys entry');
      t.check(
        typeof k.KeyArn === 'string' && typeof k.KeyId === 'string' && k.KeyArn.endsWith(`:key/${k.KeyId}`) && k.KeyArn.startsWith('arn:'),
        'KeyArn is the ARN of KeyId',
        k,
      );
    }
  },
});
