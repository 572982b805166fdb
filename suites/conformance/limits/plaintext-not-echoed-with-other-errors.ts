import { notEchoed } from './_plaintext-never-echoed.js';
import { inferred } from '../_lib/sources.js';

export default notEchoed({
  behaviour: 'plaintext-not-echoed-with-other-errors',
  title: 'A request with an over-long plaintext and another invalid member does not echo the plaintext either',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html#API_Encrypt_Errors',
  source: inferred('service model: PlaintextType is sensitive; AWS leaves it out of the recorded single error (spec/aws-observed.md §6.1 V1); a two-error reply is not recorded'),
  bytes: 5000,
  other: { EncryptionAlgorithm: 'KMSBENCH_NO_SUCH_ALGORITHM' },
});
