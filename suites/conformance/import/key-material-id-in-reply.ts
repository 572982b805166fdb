import { defineCase } from '../../../harness/conformance/case.js';
import { IMPORT_API_DOC, MODEL, SINCE_MULTI_MATERIAL, describe, documented, externalKey, importMaterial, material } from './_support.js';

/** ImportKeyMaterial answers the KeyMaterialId, which DescribeKey then shows as CurrentKeyMaterialId. */
export default defineCase({
  id: 'import.key-material-id-in-reply',
  title: 'ImportKeyMaterial answers KeyId (ARN) and a 64-hex KeyMaterialId, the key\'s CurrentKeyMaterialId',
  doc: IMPORT_API_DOC,
  source: documented(`${MODEL('ImportKeyMaterialResponse')}; ${MODEL('KeyMetadata.CurrentKeyMaterialId')} ("present for symmetric encryption keys with AWS_KMS or EXTERNAL origin")`, { since: SINCE_MULTI_MATERIAL }),
  tags: ['import'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial', 'DescribeKey'],
  async run(t) {
    const key = await externalKey(t);
    const out = await importMaterial(t, key.KeyId, material());
    t.expectEqual(out.KeyId, key.Arn, 'KeyId (the key ARN)');
    t.check(/^[0-9a-f]{64}$/.test(out.KeyMaterialId ?? ''), 'KeyMaterialId is 64 hex digits', out.KeyMaterialId);
    t.expectEqual((await describe(t, key.KeyId)).CurrentKeyMaterialId, out.KeyMaterialId, 'CurrentKeyMaterialId');
  },
});
