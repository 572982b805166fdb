/**
 * Encrypt's Plaintext is 1..4096 bytes (facts sheet; MODEL PlaintextType min 1 max 4096).
 *
 * Shared by the encrypt plaintext length cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { DecryptCommand, EncryptCommand } from '@aws-sdk/client-kms';
import { defineCase, type CaseSource, type ConformanceCase } from '../../../harness/conformance/case.js';
import { b64 } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';

export const DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html#KMS-Encrypt-request-Plaintext';

export const accepted = (bytes: number, source: CaseSource): ConformanceCase =>
  defineCase({
    id: `limits.encrypt-plaintext-${bytes}-bytes`,
    title: `Encrypt accepts a ${bytes}-byte plaintext and Decrypt gives it back`,
    doc: DOC,
    source,
    tags: ['limits'],
    ops: ['CreateKey', 'Encrypt', 'Decrypt'],
    async run(t) {
      const key = await givenKey(t);
      const plaintext = t.bytes(bytes);
      const enc = await t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: plaintext }));
      const out = await t.kms.send(new DecryptCommand({ CiphertextBlob: enc.CiphertextBlob }));
      t.expectEqual(b64(out.Plaintext ?? new Uint8Array()), b64(plaintext), 'Plaintext (base64)');
    },
  });
