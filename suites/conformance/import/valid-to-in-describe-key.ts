import { defineCase } from '../../../harness/conformance/case.js';
import { DAY_MS, EXPIRATION_DOC, MODEL, describe, documented, endpointNow, externalKey, importMaterial, material } from './_support.js';

/** KeyMetadata.ValidTo: "The earliest time at which any imported key material ... expires." */
export default defineCase({
  id: 'import.valid-to-in-describe-key',
  title: 'Material imported with KEY_MATERIAL_EXPIRES: DescribeKey shows ExpirationModel KEY_MATERIAL_EXPIRES and that ValidTo',
  doc: EXPIRATION_DOC,
  source: documented(`${MODEL('KeyMetadata.ValidTo')}; ${MODEL('KeyMetadata.ExpirationModel')}`),
  tags: ['import'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial', 'DescribeKey'],
  async run(t) {
    const key = await externalKey(t);
    const validTo = new Date(Math.floor(((await endpointNow(t)) + 10 * DAY_MS) / 1000) * 1000);
    await importMaterial(t, key.KeyId, material(), { extra: { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: validTo } });
    const md = await describe(t, key.KeyId);
    t.expectEqual(md.ExpirationModel, 'KEY_MATERIAL_EXPIRES', 'ExpirationModel');
    t.expectEqual(md.ValidTo?.getTime(), validTo.getTime(), 'ValidTo');
  },
});
