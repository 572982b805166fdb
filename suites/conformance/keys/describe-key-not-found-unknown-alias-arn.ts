/**
 * DescribeKey of a key that does not exist, or of a malformed key id: NotFoundException (HTTP 400)
 * in AWS's wording for each form of the name (aws-observed.md §1, N1-N12).
 */
import { aliasArn } from '../_lib/support.js';
import { notFound } from './_describe-key-not-found.js';

export default notFound({
  behaviour: 'unknown-alias-arn',
  title: 'an unknown alias ARN (N12; message not known for AWS, code only)',
  input: (t) => ({ keyId: aliasArn(t, t.aliasName('never-created')) }),
});
