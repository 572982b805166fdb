import { defineCase } from '../../../harness/conformance/case.js';
import { DEFAULT_POLICY_DOC, policyOf } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { recorded } from '../_lib/sources.js';

/**
 * aws-observed.md 4.4: the exact text GetKeyPolicy returns for a key created through the API
 * without a Policy (EX GetKeyPolicy; real CLI output) — pretty-printed with " : " separators and
 * `[ {` / `} ]`, Sid "Enable IAM User Permissions", the account root granted kms:*.
 */
export default defineCase({
  id: 'policy.default-policy-exact',
  title: 'The default key policy is returned exactly as KMS formats it, naming the account root',
  doc: DEFAULT_POLICY_DOC,
  source: recorded('spec/aws-observed.md §4.4 (EX GetKeyPolicy; identical real CLI output)'),
  tags: ['policy'],
  ops: ['CreateKey', 'GetKeyPolicy'],
  async run(t) {
    const key = await givenKey(t);
    const expected = [
      '{',
      '  "Version" : "2012-10-17",',
      '  "Id" : "key-default-1",',
      '  "Statement" : [ {',
      '    "Sid" : "Enable IAM User Permissions",',
      '    "Effect" : "Allow",',
      '    "Principal" : {',
      `      "AWS" : "arn:aws:iam::${t.account}:root"`,
      '    },',
      '    "Action" : "kms:*",',
      '    "Resource" : "*"',
      '  } ]',
      '}',
    ].join('\n');
    t.expectEqual(await policyOf(t, key.KeyId), expected, 'default key policy text');
  },
});
