import { notEchoed } from './_plaintext-never-echoed.js';
import { recorded } from '../_lib/sources.js';

export default notEchoed({
  behaviour: 'plaintext-too-long-not-echoed',
  title: 'The ValidationException for a 4097-byte plaintext does not contain the plaintext, in text, base64 or hex',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html#KMS-Encrypt-request-Plaintext',
  source: recorded('spec/aws-observed.md §6.1 V1 (AWS leaves the value out for the sensitive Plaintext member)'),
  bytes: 4097,
});
