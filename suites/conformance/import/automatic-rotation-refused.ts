import { EnableKeyRotationCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { VERIFIED, importedKey, material } from './_support.js';
import { refused } from '../_lib/support.js';

/** Keys with imported material do not rotate automatically (facts sheet; KS-OLD [6]). */
export default defineCase({
  id: 'import.automatic-rotation-refused',
  title: 'EnableKeyRotation on a key with imported material: UnsupportedOperationException "<arn> origin is EXTERNAL which is not valid for this operation."',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKeyRotation.html',
  source: { kind: 'recorded', cite: 'spec/aws-observed.md §2.1 [6] and §8 R3 (the EXTERNAL-origin wording)', verifiedAt: VERIFIED },
  tags: ['import', 'rotation'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial', 'EnableKeyRotation'],
  async run(t) {
    const { key } = await importedKey(t);
    await t.expectError(t.kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyId })), {
      code: 'UnsupportedOperationException',
      message: `${key.Arn} origin is EXTERNAL which is not valid for this operation.`,
    });
  },
});
