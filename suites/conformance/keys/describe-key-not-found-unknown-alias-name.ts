import { aliasArn } from '../_lib/support.js';
import { notFound } from './_describe-key-not-found.js';

export default notFound({
  behaviour: 'unknown-alias-name',
  title: 'an unknown alias name: Alias <alias ARN> is not found. (N11)',
  source: {
    kind: 'recorded',
    cite: 'spec/aws-observed.md §1 N11 (sigstore/cosign#1474, cloudposse/docs#152)',
    verifiedAt: '2026-12-07',
  },
  input: (t) => {
    const name = t.aliasName('never-created');
    return { keyId: name, message: `Alias ${aliasArn(t, name)} is not found.` };
  },
});
