import { describeStageCase } from './_support.js';

/** L8: after DeleteImportedKeyMaterial. */
export default describeStageCase('after-delete', {
  title: 'After DeleteImportedKeyMaterial: back to PendingImport, Enabled false, ExpirationModel gone',
  expect: { KeyState: 'PendingImport', Enabled: false },
  missing: ['ExpirationModel', 'after the material is deleted'],
});
