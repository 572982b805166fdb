import { defineCase } from '../../../harness/conformance/case.js';
import { errorCodeOf } from '../_lib/wire-results.js';
import { inferred } from '../_lib/sources.js';

export default defineCase({
  id: 'protocol.oversized-body-refused',
  title: 'An 8 MiB request body (GenerateRandom JSON padded with spaces) is refused (413 or 400, an AWS error) or served as that JSON, never a 5xx',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/CommonErrors.html#CommonErrors-RequestEntityTooLargeException',
  source: inferred('KMS publishes no request size limit (the largest member, a key policy, is 32 KB; Common Errors list RequestEntityTooLargeException, HTTP 413); AWS is not recorded: a 413 or 400 refusal naming an error code, or the GenerateRandom result, pass, a 5xx or a broken connection does not'),
  tags: ['protocol', 'limits'],
  ops: ['GenerateRandom'],
  timeoutMs: 120_000,
  async run(t) {
    // No KMS request is near this size (the largest member, a key policy, is 32 KB), but KMS
    // publishes no body limit and AWS's answer is not recorded. A refusal (4xx, e.g. 413
    // RequestEntityTooLargeException) or the GenerateRandom result the JSON asks for both pass;
    // a server error, or any other answer, does not.
    const body = `{"NumberOfBytes":16}${' '.repeat(8 * 1024 * 1024)}`;
    const reply = await t.raw('GenerateRandom', body);
    const what = { status: reply.status, body: reply.text.slice(0, 200) };
    if (reply.status === 200) {
      const plaintext = (reply.json as { Plaintext?: unknown } | undefined)?.Plaintext;
      t.check(typeof plaintext === 'string' && Buffer.from(plaintext, 'base64').length === 16, 'a served request answers its GenerateRandom of 16 bytes', what);
    } else {
      // A refusal for size is 413 (RequestEntityTooLargeException) or 400 (the body as a bad
      // request), and names its error code the AWS way: a 4xx alone could be any broken reply.
      t.check(reply.status === 413 || reply.status === 400, 'a refused request gets HTTP 413 or 400', what);
      t.check(errorCodeOf(reply) !== undefined, 'the refusal names an error code (__type, x-amzn-ErrorType or an XML error element)', what);
    }
  },
});
