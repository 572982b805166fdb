/**
 * Decrypt and ReEncrypt of a real ciphertext, naming a key that cannot open it: one that does not
 * exist (NotFoundException) or another symmetric key than the encrypting one (IncorrectKeyException).
 * Code and status only (the wording is recorded for an HMAC key only, aws-observed.md §5 C4, C5).
 *
 * Shared by the absent- and incorrect-key cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import type { KMSClient } from '@aws-sdk/client-kms';
import { defineCase, type CaseSource, type ConformanceCase, type ExpectedError } from '../../../harness/conformance/case.js';
import { absentKeyId } from '../_lib/support.js';
import { givenCiphertext, givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export interface KeyRefusal {
  /** Behaviour part of the id (`crypto.<behaviour>`). */
  behaviour: string;
  title: string;
  op: 'Decrypt' | 'ReEncrypt';
  /** The call on `blob` that names `keyId` where the key to open it goes. */
  send(kms: KMSClient, blob: Uint8Array, keyId: string): Promise<unknown>;
}

function keyRefusal(spec: KeyRefusal, source: CaseSource, names: 'absent' | 'other', error: ExpectedError): ConformanceCase {
  return defineCase({
    id: `crypto.${spec.behaviour}`,
    title: spec.title,
    doc: `https://docs.aws.amazon.com/kms/latest/APIReference/API_${spec.op}.html#API_${spec.op}_Errors`,
    source,
    tags: ['semantics'],
    ops: ['CreateKey', 'Encrypt', spec.op],
    async run(t) {
      const [key, other] = names === 'other' ? await Promise.all([givenKey(t), givenKey(t)]) : [await givenKey(t), undefined];
      const blob = await givenCiphertext(t, key.KeyId, { plaintext: t.bytes(8) });
      await t.expectError(spec.send(t.kms, blob, other ? other.KeyId : absentKeyId()), error);
    },
  });
}

/** A case: the call names a key id that names no key (the model's NotFoundException). */
export const absentKeyCase = (spec: KeyRefusal): ConformanceCase =>
  keyRefusal(spec, documented(`service model: ${spec.op} errors (NotFoundException)`), 'absent', {
    code: 'NotFoundException',
    status: 400,
  });

/** A case: the call names a second key of the case's, not the one that encrypted the blob. */
export const incorrectKeyCase = (spec: KeyRefusal & { source: CaseSource }): ConformanceCase =>
  keyRefusal(spec, spec.source, 'other', { code: 'IncorrectKeyException', status: 400 });
