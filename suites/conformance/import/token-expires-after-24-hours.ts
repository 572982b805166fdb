import { defineCase } from '../../../harness/conformance/case.js';
import { documented, externalKey, GET_PARAMETERS_DOC, givenParameters, importWithParameters, MODEL } from './_support.js';
import { requireClock } from '../rotation/_support.js';

/** "Each public key and import token set is valid for 24 hours." */
export default defineCase({
  id: 'import.token-expires-after-24-hours',
  title: 'An import token used more than 24 hours after GetParametersForImport: ExpiredImportTokenException',
  doc: GET_PARAMETERS_DOC,
  source: documented(`${GET_PARAMETERS_DOC} ("valid for 24 hours ... You cannot use an expired public key or import token"); ${MODEL('ExpiredImportTokenException')}`),
  tags: ['import'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial'],
  flags: ['needs-clock'],
  async run(t) {
    requireClock(t, 'an import token to expire (25 hours)');
    const key = await externalKey(t);
    const p = await givenParameters(t, key.KeyId);
    await t.advanceClock('25h');
    await t.expectError(importWithParameters(t, key.KeyId, p), { code: 'ExpiredImportTokenException', status: 400 });
  },
});
