import { aliasArn } from '../_lib/support.js';
import { givenAlias } from '../_lib/prerequisites.js';
import { nameRefused } from './_create-alias-name.js';
import { recorded } from '../_lib/sources.js';

export default nameRefused({
  behaviour: 'already-exists',
  title: 'CreateAlias of an existing name: AlreadyExistsException "An alias with the name <alias ARN> already exists" (A1)',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html#API_CreateAlias_Errors',
  source: recorded('spec/aws-observed.md §7 A1'),
  tags: ['aliases'],
  name: (t, keyId) => givenAlias(t, keyId),
  error: (t, name) => ({ code: 'AlreadyExistsException', status: 400, message: `An alias with the name ${aliasArn(t, name)} already exists` }),
});
