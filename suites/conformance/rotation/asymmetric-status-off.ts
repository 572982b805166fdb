import { GetKeyRotationStatusCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { STATUS_DOC, keyOfSpec } from './_support.js';
import { inferred } from '../_lib/sources.js';

/**
 * Asymmetric and HMAC keys never rotate, and GetKeyRotationStatus says so instead of refusing
 * (aws-observed.md §8 R7: a maintainer's claim, corroborated by terraform-provider-aws, which reads
 * the rotation status of every AWS_KMS key and fails on any error). Skipped where the endpoint does
 * not create ECC keys.
 */
export default defineCase({
  id: 'rotation.asymmetric-status-off',
  title: 'GetKeyRotationStatus of an ECC signing key answers KeyRotationEnabled false',
  doc: STATUS_DOC,
  source: inferred('spec/aws-observed.md §8 R7 (floci-io/floci#618; terraform-provider-aws key.go reads GetKeyRotationStatus for asymmetric keys without tolerating errors)'),
  tags: ['rotation', 'asymmetric'],
  ops: ['CreateKey', 'GetKeyRotationStatus'],
  async run(t) {
    const key = await keyOfSpec(t, { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
    const out = await t.kms.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }));
    t.expectEqual(out.KeyRotationEnabled, false, 'KeyRotationEnabled');
  },
});
