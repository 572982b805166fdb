import { describeStageCase } from './_support.js';

/** L6: an EXTERNAL key before its import. */
export default describeStageCase('before-import', {
  title: 'An EXTERNAL key before import: KeyState PendingImport, Enabled false, Origin EXTERNAL, no ExpirationModel',
  expect: { KeyState: 'PendingImport', Enabled: false, Origin: 'EXTERNAL' },
  missing: ['ExpirationModel', 'before the import'],
});
