import { defineCase } from '../../../harness/conformance/case.js';

export default defineCase({
  id: 'protocol.oversized-body-refused',
  title: 'An 8 MiB request body (GenerateRandom JSON padded with spaces) is refused with a 4xx or served as that JSON, never a 5xx',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/CommonErrors.html#CommonErrors-RequestEntityTooLargeException',
  source: {
    kind: 'inferred',
    cite: 'KMS publishes no request size limit (the largest member, a key policy, is 32 KB; Common Errors list RequestEntityTooLargeException, HTTP 413); AWS is not recorded: a 4xx refusal or the GenerateRandom result pass, a 5xx or a broken connection does not',
    verifiedAt: '2026-12-07',
  },
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
      t.check(reply.status >= 400 && reply.status < 500, 'a refused request gets a 4xx status', what);
    }
  },
});
