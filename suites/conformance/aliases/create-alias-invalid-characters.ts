import { nameRefused } from './_create-alias-name.js';
import { inferred } from '../_lib/sources.js';

/** MODEL pattern ^[a-zA-Z0-9:/_-]+$; wording INFERRED (aws-observed.md §6.2): code only. */
export default nameRefused({
  behaviour: 'invalid-characters',
  title: 'CreateAlias refuses a name with a character outside [a-zA-Z0-9:/_-] (a space) with ValidationException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html#KMS-CreateAlias-request-AliasName',
  source: inferred('service model: CreateAliasRequest.AliasName (only alphanumerics, /, _ and -); ValidationException by analogy with the recorded length and enum violations (spec/aws-observed.md §6.1 V9, V17)'),
  tags: ['aliases', 'limits'],
  name: (t) => `${t.aliasName()} space`,
  error: () => ({ code: 'ValidationException', status: 400 }),
});
