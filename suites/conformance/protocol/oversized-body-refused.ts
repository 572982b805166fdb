import { defineCase } from '../../../harness/conformance/case.js';

export default defineCase({
  id: 'protocol.oversized-body-refused',
  title: 'An 8 MiB request body (valid GenerateRandom JSON padded with spaces) is refused with a 4xx, not served',
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
    // No KMS request is near this size (the largest, a key policy, is 32 KB). AWS's exact answer is
    // not recorded: the check is only that the body is not accepted.
    const body = `{"NumberOfBytes":16}${' '.repeat(8 * 1024 * 1024)}`;
    const reply = await t.raw('GenerateRandom', body);
    t.check(reply.status >= 400 && reply.status < 500, 'the oversized request is refused with a 4xx status', { status: reply.status, body: reply.text.slice(0, 200) });
  },
});
