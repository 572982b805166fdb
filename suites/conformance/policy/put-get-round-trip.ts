import { fullControlPolicy, PUT_DOC, root } from './_support.js';
import { putAttachesCase } from './_put.js';
import { recorded } from '../_lib/sources.js';

/** aws-observed.md 4.4: after PutKeyPolicy, GetKeyPolicy returns a JSON-equal policy (byte-exact: unknown). */
export default putAttachesCase({
  id: 'policy.put-get-round-trip',
  title: 'GetKeyPolicy returns a policy JSON-equal to the one PutKeyPolicy attached',
  doc: PUT_DOC,
  source: recorded('spec/aws-observed.md §4.4 (LS-TEST compares the policies after json.loads; byte-exact round trip unknown)'),
  policy: (t) =>
    fullControlPolicy(t, 'Enable IAM User Permissions', [
      {
        Sid: 'Allow use with a context',
        Effect: 'Allow',
        Principal: { AWS: root(t) },
        Action: ['kms:Encrypt', 'kms:Decrypt'],
        Resource: '*',
        Condition: { StringEquals: { 'kms:EncryptionContext:purpose': 'conformance' } },
      },
    ]),
});
