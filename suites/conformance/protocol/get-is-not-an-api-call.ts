import { defineCase } from '../../../harness/conformance/case.js';
import { sendSigned, signedRequest } from '../_lib/signing.js';
import { errorCodeOf } from '../_lib/wire-results.js';
import { inferred } from '../_lib/sources.js';

/** Statuses an AWS front end refuses a request it cannot route with (CommonErrors: 400, 403, 404; 405 for a method). */
const REFUSAL_STATUSES = [400, 403, 404, 405];

export default defineCase({
  id: 'protocol.get-is-not-an-api-call',
  title: 'A correctly signed GET carrying X-Amz-Target TrentService.GenerateRandom is refused with an AWS error, not run as GenerateRandom',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/CommonErrors.html#CommonErrors-MalformedHttpRequestException',
  source: inferred('AWS JSON 1.1 calls are POST /; what KMS answers to a GET is not recorded: only that it is a refusal naming an error code'),
  tags: ['protocol'],
  ops: ['GenerateRandom'],
  async run(t) {
    // AWS JSON 1.1 calls are POST / only. What a GET gets back is not recorded for KMS, so any
    // client-error status AWS uses and any error code are accepted (UnknownOperationException's
    // body has no message on other JSON 1.1 services, spec/aws-observed.md P7: not required);
    // what is checked is that it is a refusal an SDK can read, not a result nor a broken reply.
    const req = await signedRequest(t, { operation: 'GenerateRandom', body: '', method: 'GET' });
    const reply = await sendSigned(t, req);
    const seen = { status: reply.status, body: reply.text.slice(0, 200) };
    t.check(REFUSAL_STATUSES.includes(reply.status), `the GET is refused with HTTP ${REFUSAL_STATUSES.join(', ')} (not run as GenerateRandom)`, seen);
    const code = errorCodeOf(reply);
    t.check(code !== undefined && /^[A-Za-z]+$/.test(code), 'the refusal names an error code (__type, x-amzn-ErrorType or an XML error element)', seen);
    const message = (reply.json as Record<string, unknown> | undefined)?.message;
    t.check(message === undefined || message === null || typeof message === 'string', 'a message member, if any, is a string', message);
  },
});
