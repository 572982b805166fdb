/**
 * DryRun: a request that would succeed is answered DryRunOperationException, HTTP 400
 * (aws-observed.md §9, recorded for GenerateDataKeyPair; the code for these operations per MODEL),
 * and nothing is done.
 */
import {
  DecryptCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  GenerateDataKeyWithoutPlaintextCommand,
  ReEncryptCommand,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { defineCase, type ConformanceCase } from '../../../harness/conformance/case.js';
import type { OperationName } from '../../../common/model/model.js';

type Send = (kms: KMSClient, keyId: string, blob: Uint8Array) => Promise<unknown>;

const slug = (op: string) => op.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();

const dryRun = (op: OperationName, send: Send): ConformanceCase =>
  defineCase({
    id: `crypto.dry-run-${slug(op)}`,
    title: `${op} with DryRun true is answered DryRunOperationException (HTTP 400) instead of a result`,
    doc: `https://docs.aws.amazon.com/kms/latest/APIReference/API_${op}.html#KMS-${op}-request-DryRun`,
    tags: ['semantics'],
    ops: op === 'Decrypt' || op === 'ReEncrypt' ? ['CreateKey', 'Encrypt', op] : ['CreateKey', op],
    async run(t) {
      const key = await t.createKey();
      const blob = (await t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(8) }))).CiphertextBlob!;
      await t.expectError(send(t.kms, key.KeyId, blob), { code: 'DryRunOperationException', status: 400 });
    },
  });

const cases: ConformanceCase[] = [
  dryRun('Encrypt', (kms, KeyId) => kms.send(new EncryptCommand({ KeyId, Plaintext: new Uint8Array([1, 2, 3]), DryRun: true }))),
  dryRun('Decrypt', (kms, _k, CiphertextBlob) => kms.send(new DecryptCommand({ CiphertextBlob, DryRun: true }))),
  dryRun('ReEncrypt', (kms, DestinationKeyId, CiphertextBlob) => kms.send(new ReEncryptCommand({ CiphertextBlob, DestinationKeyId, DryRun: true }))),
  dryRun('GenerateDataKey', (kms, KeyId) => kms.send(new GenerateDataKeyCommand({ KeyId, KeySpec: 'AES_256', DryRun: true }))),
  dryRun(
    'GenerateDataKeyWithoutPlaintext',
    (kms, KeyId) => kms.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId, KeySpec: 'AES_256', DryRun: true })),
  ),
];

export default cases;
