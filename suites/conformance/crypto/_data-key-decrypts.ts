/**
 * The CiphertextBlob a data key operation answers (AES_256) decrypts under the same key, and
 * Decrypt answers KeyId = the key ARN (the operation's response reference).
 *
 * Shared by the data key decrypts cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { DecryptCommand, GenerateDataKeyCommand, GenerateDataKeyWithoutPlaintextCommand, type DecryptCommandOutput } from '@aws-sdk/client-kms';
import type { CaseContext, ConformanceCase } from '../../../harness/conformance/case.js';
import { keyCase, slug } from './_support.js';
import { documented } from '../_lib/sources.js';

export type DataKeyOp = 'GenerateDataKey' | 'GenerateDataKeyWithoutPlaintext';

/** A case: `op`'s CiphertextBlob decrypts; `check` compares what Decrypt answers with the data key `op` gave. */
export const dataKeyDecrypts = (
  op: DataKeyOp,
  title: string,
  check: (t: CaseContext, dataKey: { CiphertextBlob?: Uint8Array; Plaintext?: Uint8Array }, decrypted: DecryptCommandOutput) => void,
): ConformanceCase => {
  const doc = `https://docs.aws.amazon.com/kms/latest/APIReference/API_${op}.html#KMS-${op}-response-CiphertextBlob`;
  return keyCase({ behaviour: `${slug(op)}-decrypts`, title, doc, source: documented(doc), ops: [op, 'Decrypt'] }, async (t, key) => {
    const input = { KeyId: key.KeyId, KeySpec: 'AES_256' } as const;
    const dk = await t.kms.send(op === 'GenerateDataKey' ? new GenerateDataKeyCommand(input) : new GenerateDataKeyWithoutPlaintextCommand(input));
    const out = await t.kms.send(new DecryptCommand({ CiphertextBlob: dk.CiphertextBlob }));
    check(t, dk, out);
    t.expectEqual(out.KeyId, key.Arn, 'Decrypt KeyId');
  });
};
