/**
 * List operations take Limit 1..1000 in the model (ListKeys 1..1000; aws-observed.md §4.5).
 * Outside the range: ValidationException (wording INFERRED, code only).
 */
import { ListKeysCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'limits.list-keys-limit-1000',
  title: 'ListKeys accepts Limit 1000 and returns at most 1000 keys',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeys.html#KMS-ListKeys-request-Limit',
  source: documented('service model: ListKeysRequest.Limit ("between 1 and 1000")'),
  tags: ['limits'],
  ops: ['ListKeys'],
  async run(t) {
    const out = await t.kms.send(new ListKeysCommand({ Limit: 1000 }));
    t.check((out.Keys?.length ?? 0) <= 1000, 'at most 1000 keys', out.Keys?.length);
    t.check(typeof out.Truncated === 'boolean', 'Truncated is a boolean', out.Truncated);
  },
});
