import { aliasArn } from '../_lib/support.js';
import { notFound } from './_describe-key-not-found.js';
import { recorded } from '../_lib/sources.js';

export default notFound({
  behaviour: 'unknown-alias-name',
  title: 'an unknown alias name: Alias <alias ARN> is not found. (N11)',
  source: recorded('spec/aws-observed.md §1 N11 (sigstore/cosign#1474, cloudposse/docs#152)'),
  input: (t) => {
    const name = t.aliasName('never-created');
    return { keyId: name, message: `Alias ${aliasArn(t, name)} is not found.` };
  },
});
