import { aliasArn } from '../_lib/support.js';
import { notFound } from './_describe-key-not-found.js';
import { inferred } from '../_lib/sources.js';

export default notFound({
  behaviour: 'unknown-alias-arn',
  title: 'an unknown alias ARN (N12; message not known for AWS, code only)',
  source: inferred('spec/aws-observed.md §1 N12: an unknown alias ARN is not recorded; NotFoundException as for an alias name (N11), code only'),
  input: (t) => ({ keyId: aliasArn(t, t.aliasName('never-created')) }),
});
