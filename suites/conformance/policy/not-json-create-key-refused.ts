import { defineCase } from '../../../harness/conformance/case.js';
import { createKeyExpectingRefusal } from './_support.js';
import { recorded } from '../_lib/sources.js';

/** aws-observed.md 6.4 (aws/aws-sdk-ruby#1784): CreateKey Policy "not a real policy statement" → MalformedPolicyDocumentException. */
export default defineCase({
  id: 'policy.not-json-create-key-refused',
  title: 'CreateKey with a policy that is not JSON is refused with MalformedPolicyDocumentException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html#API_CreateKey_Errors',
  source: recorded('spec/aws-observed.md §6.4 (aws/aws-sdk-ruby#1784, 2018)'),
  tags: ['policy'],
  ops: ['CreateKey', 'ScheduleKeyDeletion'],
  async run(t) {
    await t.expectError(createKeyExpectingRefusal(t, { Policy: 'not a real policy statement' }), { code: 'MalformedPolicyDocumentException', status: 400 });
  },
});
