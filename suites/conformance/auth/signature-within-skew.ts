/**
 * SigV4 timestamps more than 5 minutes from the service's clock are refused (facts sheet; aws-observed.md P2).
 */
import { defineCase } from '../../../harness/conformance/case.js';
import { minutesFromNow, sendSigned, signedRequest } from '../_lib/signing.js';
import { expectListKeysResult } from '../_lib/wire-results.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'auth.signature-within-skew',
  title: 'A request signed 2 minutes ago is still accepted (the allowed skew is 5 minutes)',
  doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_aws-signing.html',
  source: documented('https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_aws-signing.html (within five minutes of the time stamp)'),
  tags: ['auth'],
  ops: ['ListKeys'],
  async run(t) {
    const req = await signedRequest(t, { operation: 'ListKeys', body: '{}', signingDate: minutesFromNow(-2) });
    const reply = await sendSigned(t, req);
    // Accepted means answered with the ListKeys result, not only a 200.
    expectListKeysResult(t, reply);
  },
});
