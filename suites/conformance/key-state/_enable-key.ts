/**
 * Shared by the EnableKey cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { EnableKeyCommand } from '@aws-sdk/client-kms';
import type { CaseSource } from '../../../harness/conformance/case.js';
import { stateCase } from './_support.js';

const IN_STATE = { PendingDeletion: 'pending deletion', PendingImport: 'pending import' } as const;

/** EnableKey: Disabled → Enabled; PendingDeletion [3] and PendingImport [5] are refused (§2.2; code only, S9). */
export const refused = (state: keyof typeof IN_STATE, source: CaseSource) =>
  stateCase({
    state,
    behaviour: 'enable-key-refused',
    title: `EnableKey on a key ${IN_STATE[state]} is refused with KMSInvalidStateException`,
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKey.html#API_EnableKey_Errors',
    source,
    ops: ['EnableKey'],
    async body(t, key) {
      await t.expectError(t.kms.send(new EnableKeyCommand({ KeyId: key.KeyId })), { code: 'KMSInvalidStateException', status: 400 });
    },
  });
