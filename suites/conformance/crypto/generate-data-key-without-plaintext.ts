import { DecryptCommand, GenerateDataKeyWithoutPlaintextCommand } from '@aws-sdk/client-kms';
import { defineCase, type ConformanceCase } from '../../../harness/conformance/case.js';
import { expectRawOk, members } from '../_lib/support.js';

const DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKeyWithoutPlaintext.html';

const cases: ConformanceCase[] = [
  defineCase({
    id: 'crypto.generate-data-key-without-plaintext-response-members',
    title: 'GenerateDataKeyWithoutPlaintext answers CiphertextBlob and KeyId (ARN), never a Plaintext',
    doc: `${DOC}#API_GenerateDataKeyWithoutPlaintext_ResponseSyntax`,
    tags: ['semantics'],
    ops: ['CreateKey', 'GenerateDataKeyWithoutPlaintext'],
    async run(t) {
      // aws-observed.md §4.2 (LS-SNAP test_generate_data_key_without_plaintext); KeyMaterialId allowed (MODEL).
      const key = await t.createKey();
      const out = expectRawOk(t, await t.raw('GenerateDataKeyWithoutPlaintext', { KeyId: key.KeyId, KeySpec: 'AES_256' }), 'GenerateDataKeyWithoutPlaintext');
      t.expectEqual(members(out).filter((m) => m !== 'KeyMaterialId'), ['CiphertextBlob', 'KeyId'], 'response members');
      t.expectEqual(out.KeyId, key.Arn, 'KeyId');
    },
  }),
  defineCase({
    id: 'crypto.generate-data-key-without-plaintext-decrypts',
    title: 'The CiphertextBlob of GenerateDataKeyWithoutPlaintext (AES_256) decrypts to a 32-byte key',
    doc: `${DOC}#KMS-GenerateDataKeyWithoutPlaintext-response-CiphertextBlob`,
    tags: ['semantics'],
    ops: ['CreateKey', 'GenerateDataKeyWithoutPlaintext', 'Decrypt'],
    async run(t) {
      const key = await t.createKey();
      const dk = await t.kms.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: key.KeyId, KeySpec: 'AES_256' }));
      const out = await t.kms.send(new DecryptCommand({ CiphertextBlob: dk.CiphertextBlob }));
      t.expectEqual(out.Plaintext?.length, 32, 'decrypted data key length');
      t.expectEqual(out.KeyId, key.Arn, 'Decrypt KeyId');
    },
  }),
];

export default cases;
