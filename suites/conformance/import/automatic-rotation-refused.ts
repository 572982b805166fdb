import { EnableKeyRotationCommand } from '@aws-sdk/client-kms';
import { refusedCase } from './_support.js';
import { recorded } from '../_lib/sources.js';

/** Keys with imported material do not rotate automatically (facts sheet; KS-OLD [6]). */
export default refusedCase({
  behaviour: 'automatic-rotation-refused',
  title: 'EnableKeyRotation on a key with imported material: UnsupportedOperationException "<arn> origin is EXTERNAL which is not valid for this operation."',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKeyRotation.html',
  source: recorded('spec/aws-observed.md §2.1 [6] and §8 R3 (the EXTERNAL-origin wording)'),
  tags: ['rotation'],
  key: 'imported',
  op: 'EnableKeyRotation',
  call: (t, KeyId) => t.kms.send(new EnableKeyRotationCommand({ KeyId })),
  error: (arn) => ({ code: 'UnsupportedOperationException', message: `${arn} origin is EXTERNAL which is not valid for this operation.` }),
});
