/**
 * DryRun: a request that would succeed is answered DryRunOperationException, HTTP 400
 * (aws-observed.md §9, recorded for GenerateDataKeyPair; the code for these operations per MODEL),
 * and nothing is done.
 *
 * Shared by the dry run cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import type { KMSClient } from '@aws-sdk/client-kms';
import type { CaseSource, ConformanceCase } from '../../../harness/conformance/case.js';
import type { OperationName } from '../../../common/model/model.js';
import { givenCiphertext } from '../_lib/prerequisites.js';
import { keyCase, slug } from './_support.js';

export type Send = (kms: KMSClient, keyId: string, blob: Uint8Array) => Promise<unknown>;

export const dryRun = (op: OperationName, send: Send, source: CaseSource): ConformanceCase =>
  keyCase(
    {
      behaviour: `dry-run-${slug(op)}`,
      title: `${op} with DryRun true is answered DryRunOperationException (HTTP 400) instead of a result`,
      doc: `https://docs.aws.amazon.com/kms/latest/APIReference/API_${op}.html#KMS-${op}-request-DryRun`,
      source,
      ops: op === 'Decrypt' || op === 'ReEncrypt' ? ['Encrypt', op] : [op],
    },
    async (t, key) => {
      const blob = await givenCiphertext(t, key.KeyId, { plaintext: t.bytes(8) });
      await t.expectError(send(t.kms, key.KeyId, blob), { code: 'DryRunOperationException', status: 400 });
    },
  );
