import { defineCase } from '../../../harness/conformance/case.js';
import { expectRawError } from '../_lib/support.js';
import { sendSigned, signedRequest } from '../_lib/signing.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'auth.unknown-access-key',
  title: 'An unknown access key id: UnrecognizedClientException "The security token included in the request is invalid."',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/CommonErrors.html#CommonErrors-UnrecognizedClientException',
  source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/CommonErrors.html#CommonErrors-UnrecognizedClientException (code); message recorded for KMS: spec/aws-observed.md §10 P4'),
  tags: ['auth'],
  ops: ['ListKeys'],
  async run(t) {
    // Facts sheet: unknown access key → UnrecognizedClientException; message recorded for KMS in
    // aws/aws-encryption-sdk-java#9 (aws-observed.md P4). The status is recorded only for other services.
    const req = await signedRequest(t, {
      operation: 'ListKeys',
      body: '{}',
      credentials: { accessKeyId: 'AKIAKMSBENCHUNKNOWN7', secretAccessKey: 'kmsbench-unknown-secret-00000000000000000' },
    });
    expectRawError(
      t,
      await sendSigned(t, req),
      { code: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' },
      'the request',
    );
  },
});
