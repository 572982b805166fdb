import { nameRefused } from './_create-alias-name.js';
import { recorded } from '../_lib/sources.js';

export default nameRefused({
  behaviour: 'without-prefix',
  title: 'CreateAlias refuses a name without "alias/": ValidationException \'Alias must start with the prefix "alias/". ...\' (V7)',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html#KMS-CreateAlias-request-AliasName',
  source: recorded('spec/aws-observed.md §6.1 V7'),
  tags: ['aliases'],
  name: (t) => t.aliasName().slice('alias/'.length),
  error: () => ({
    code: 'ValidationException',
    status: 400,
    message: 'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
  }),
});
