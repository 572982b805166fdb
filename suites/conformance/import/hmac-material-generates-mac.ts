import { GenerateMacCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { IMPORT_DOC, describe, externalKey, importMaterial } from './_support.js';

import { createHmac, randomBytes } from 'node:crypto';
import { recorded } from '../_lib/sources.js';

/** An HMAC key with imported material MACs with that material. */
export default defineCase({
  id: 'import.hmac-material-generates-mac',
  title: 'An HMAC_256 key with imported material: GenerateMac answers the HMAC-SHA-256 of the message under that material',
  doc: IMPORT_DOC,
  source: recorded('spec/aws-observed.md §14 I3 (LS-SNAP test_import_key_hmac_keys: import, then GenerateMac/VerifyMac)', { verifiedAt: '2025-08-04' }),
  tags: ['import'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial', 'DescribeKey', 'GenerateMac'],
  async run(t) {
    const key = await externalKey(t, { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
    const m = randomBytes(32);
    await importMaterial(t, key.KeyId, m);
    t.expectEqual((await describe(t, key.KeyId)).KeyState, 'Enabled', 'KeyState after the import');
    const message = Buffer.from('kmsbench imported HMAC key');
    const out = await t.kms.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: message, MacAlgorithm: 'HMAC_SHA_256' }));
    t.expectEqual(Buffer.from(out.Mac!).toString('hex'), createHmac('sha256', m).update(message).digest('hex'), 'the MAC');
  },
});
