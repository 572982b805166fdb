import { describeStageCase } from './_support.js';

/** L7: after ImportKeyMaterial with KEY_MATERIAL_DOES_NOT_EXPIRE. */
export default describeStageCase('after-import', {
  title: 'After ImportKeyMaterial (KEY_MATERIAL_DOES_NOT_EXPIRE): Enabled, ExpirationModel KEY_MATERIAL_DOES_NOT_EXPIRE, no ValidTo',
  expect: { KeyState: 'Enabled', Enabled: true, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' },
  missing: ['ValidTo', 'for material that does not expire'],
});
