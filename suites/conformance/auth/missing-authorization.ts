import { defineCase } from '../../../harness/conformance/case.js';
import { expectRawError } from '../_lib/support.js';
import { inferred } from '../_lib/sources.js';

export default defineCase({
  id: 'auth.missing-authorization',
  title: 'A call with no Authorization header (and no query auth) is refused with MissingAuthenticationTokenException',
  doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-troubleshooting.html#signature-v4-troubleshooting-credential',
  source: inferred('spec/aws-observed.md §10 P6: MissingAuthenticationTokenException recorded for Secrets Manager and DynamoDB only; status conflicting (400 vs 403): code only'),
  tags: ['auth'],
  ops: ['ListKeys'],
  async run(t) {
    // Facts sheet: missing auth → MissingAuthenticationTokenException. The status is recorded as 400
    // and as 403 by different sources (aws-observed.md P6): code only.
    const host = new URL(t.endpoint).host;
    const reply = await t.rawHttp({
      method: 'POST',
      headers: { host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'TrentService.ListKeys', 'x-amz-date': new Date().toISOString().replace(/[-:]|\.\d{3}/g, '') },
      body: '{}',
    });
    expectRawError(t, reply, { code: 'MissingAuthenticationTokenException' }, 'the unsigned call');
  },
});
