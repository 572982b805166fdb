import { defineCase } from '../../../harness/conformance/case.js';
import { sendSigned, signedRequest } from '../_lib/signing.js';

export default defineCase({
  id: 'protocol.get-is-not-an-api-call',
  title: 'A correctly signed GET carrying X-Amz-Target TrentService.GenerateRandom is not run as GenerateRandom',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/CommonErrors.html#CommonErrors-MalformedHttpRequestException',
  source: {
    kind: 'inferred',
    cite: 'AWS JSON 1.1 calls are POST /; what KMS answers to a GET is not recorded: only that it is no operation result',
    verifiedAt: '2026-12-07',
  },
  tags: ['protocol'],
  ops: ['GenerateRandom'],
  async run(t) {
    // AWS JSON 1.1 calls are POST / only. What a GET gets back is not recorded for KMS (a health
    // page or an error), so the check is only that it is not an operation result.
    const req = await signedRequest(t, { operation: 'GenerateRandom', body: '', method: 'GET' });
    const reply = await sendSigned(t, req);
    const json = (reply.json ?? {}) as Record<string, unknown>;
    t.check(!(reply.status === 200 && 'Plaintext' in json), 'the GET was not answered with a GenerateRandom result', { status: reply.status, body: reply.text.slice(0, 200) });
  },
});
