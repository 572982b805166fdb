import { defineCase } from '../../../harness/conformance/case.js';
import { describe, documented, externalKey, GET_PARAMETERS_DOC, givenParameters, importWithParameters } from './_support.js';
import { requireClock } from '../rotation/_support.js';

/** Within its 24 hours the token works. */
export default defineCase({
  id: 'import.token-valid-within-24-hours',
  title: 'An import token used 23 hours after GetParametersForImport still imports',
  doc: GET_PARAMETERS_DOC,
  source: documented(`${GET_PARAMETERS_DOC} ("Each public key and import token set is valid for 24 hours")`),
  tags: ['import'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial', 'DescribeKey'],
  flags: ['needs-clock'],
  async run(t) {
    requireClock(t, '23 hours with an import token');
    const key = await externalKey(t);
    const p = await givenParameters(t, key.KeyId, 'RSAES_OAEP_SHA_1');
    await t.advanceClock('23h');
    await importWithParameters(t, key.KeyId, p, 'RSAES_OAEP_SHA_1');
    t.expectEqual((await describe(t, key.KeyId)).KeyState, 'Enabled', 'KeyState after the import');
  },
});
