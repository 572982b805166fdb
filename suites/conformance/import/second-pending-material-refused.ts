import { givenNewMaterial, importMaterial, inferred, material, materialsCase, SINCE_MULTI_MATERIAL } from './_support.js';

/** Only one material can wait for rotation. */
export default materialsCase({
  behaviour: 'second-pending-material-refused',
  title: 'A second NEW_KEY_MATERIAL while one is PENDING_ROTATION: KMSInvalidStateException',
  source: inferred('localstack provider ImportKeyMaterial (its KMS tests are validated against AWS): "New key material (id: …) cannot be imported into KMS key <arn>, because another key material (id: …) is pending rotation."; not recorded here', { since: SINCE_MULTI_MATERIAL }),
  ops: [],
  async body(t, { key }) {
    await givenNewMaterial(t, key.KeyId);
    await t.expectError(importMaterial(t, key.KeyId, material(), { extra: { ImportType: 'NEW_KEY_MATERIAL' } }), { code: 'KMSInvalidStateException', status: 400 });
  },
});
