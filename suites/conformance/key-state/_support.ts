/**
 * Helpers for the key-state (and deletion) cases: keys put into each state, the errors each state
 * gets, and the symmetric cryptographic operations as a table. Not a case file: no default export.
 *
 * Wording (spec/aws-observed.md §2): `<key ARN> is disabled.` is observed on AWS for cryptographic
 * use of a Disabled key (S7, and S6 for RotateKeyOnDemand); `<key ARN> is pending import.` for
 * Encrypt on an EXTERNAL key without material (S1, S2); for PendingDeletion the recorded text only
 * says that the message contains `is pending deletion` (S5), so that is what is asserted. Where
 * §2 has no capture (management calls, S8–S10), cases assert the code only.
 *
 * @module
 */
import {
  DecryptCommand,
  DisableKeyCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  GenerateDataKeyWithoutPlaintextCommand,
  ReEncryptCommand,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import type { KeyMetadata } from '@aws-sdk/client-kms';
import {
  defineCase,
  type CaseContext,
  type CaseTag,
  type ConformanceCase,
  type CaseSource,
  type ExpectedError,
} from '../../../harness/conformance/case.js';
import { unthrottled } from '../_lib/support.js';
import type { OperationName } from '../../../common/model/model.js';

export type Key = KeyMetadata & { KeyId: string; Arn: string };

export const KEY_STATE_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html#key-state';

/** `DisabledException: <key ARN> is disabled.` (aws-observed.md S6, S7; KS-OLD [1]). */
export const disabledError = (arn: string): ExpectedError => ({ code: 'DisabledException', status: 400, message: `${arn} is disabled.` });

/** `KMSInvalidStateException`, message containing `is pending deletion` (S4, S5; KS-OLD [3]). */
export const pendingDeletionError = (_arn: string): ExpectedError => ({
  code: 'KMSInvalidStateException',
  status: 400,
  message: /is pending deletion/,
});

/** `KMSInvalidStateException: <key ARN> is pending import.` (S1, S2; KS-OLD [5]). */
export const pendingImportError = (arn: string): ExpectedError => ({
  code: 'KMSInvalidStateException',
  status: 400,
  message: `${arn} is pending import.`,
});

/** A fresh key put in `state`: a prerequisite (`t.given`), so a failure blocks the case, naming the case that tests it. */
export async function keyInState(t: CaseContext, state: StateName): Promise<Key> {
  const spec = STATES[state];
  return t.given(
    spec.ready,
    async () => {
      const key = await spec.create(t);
      await spec.enter(t, key);
      return key;
    },
    { coveredBy: spec.testedBy },
  );
}

/**
 * Puts `key` (any key the case made) in `state`: a prerequisite, so a target that cannot do that
 * blocks the case, naming the case that tests the state.
 */
export function putInState(t: CaseContext, key: Key, state: 'Disabled' | 'PendingDeletion'): Promise<void> {
  const spec = STATES[state];
  return t.given(`${spec.enterOps.join(', ')} puts the key in ${state}`, () => spec.enter(t, key), { coveredBy: spec.testedBy });
}

/** A fresh key, then DisableKey (a prerequisite). */
export const disabledKey = (t: CaseContext): Promise<Key> => keyInState(t, 'Disabled');

/** Puts `key` in PendingDeletion (7-day window; the harness's own cleanup then has nothing to do). */
export async function schedule(t: CaseContext, key: Key, days = 7) {
  return unthrottled(() => t.kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: days })));
}

/** A fresh key scheduled for deletion in 7 days (a prerequisite). */
export const pendingDeletionKey = (t: CaseContext): Promise<Key> => keyInState(t, 'PendingDeletion');

/**
 * A symmetric key with Origin EXTERNAL and no key material yet: KeyState PendingImport (L6). An
 * endpoint that refuses it, or creates the key Enabled (moto), fails this step: callers run it
 * as a prerequisite, so their cases are blocked by it, naming key-state.pending-import-describe-key.
 */
export async function pendingImportKey(t: CaseContext): Promise<Key> {
  const key = await t.createKey({ Origin: 'EXTERNAL' });
  t.expectEqual(key.KeyState, 'PendingImport', 'KeyState of a new EXTERNAL key');
  return key;
}

export type StateName = 'Disabled' | 'PendingDeletion' | 'PendingImport';

export interface StateSpec {
  state: StateName;
  /** Lower-kebab name used in ids. */
  slug: 'disabled' | 'pending-deletion' | 'pending-import';
  /** What putting a key in the state takes, as a prerequisite step names it ("blocked: <ready> — <why>"). */
  ready: string;
  /** The case whose subject is that step: where a target's failure to reach the state shows as `fail`. */
  testedBy: string;
  /** Needed for cases whose key must have been usable before (to hold a ciphertext). */
  canHaveCiphertext: boolean;
  /** A key ready to be put in the state (a fresh AWS_KMS key, or a PendingImport key). */
  create(t: CaseContext): Promise<Key>;
  /** The operations `enter` calls. */
  enterOps: OperationName[];
  /** Puts a key made by `create` into the state. */
  enter(t: CaseContext, key: Key): Promise<void>;
  /** What a cryptographic operation on a key in this state gets. */
  cryptoError(arn: string): ExpectedError;
}

export const STATES: Record<StateName, StateSpec> = {
  Disabled: {
    state: 'Disabled',
    slug: 'disabled',
    ready: 'DisableKey puts a fresh key in Disabled',
    testedBy: 'key-state.disabled-describe-key',
    canHaveCiphertext: true,
    create: (t) => t.createKey(),
    enterOps: ['DisableKey'],
    async enter(t, key) {
      await unthrottled(() => t.kms.send(new DisableKeyCommand({ KeyId: key.KeyId })));
    },
    cryptoError: disabledError,
  },
  PendingDeletion: {
    state: 'PendingDeletion',
    slug: 'pending-deletion',
    ready: 'ScheduleKeyDeletion puts a fresh key in PendingDeletion',
    testedBy: 'deletion.describe-pending-deletion',
    canHaveCiphertext: true,
    create: (t) => t.createKey(),
    enterOps: ['ScheduleKeyDeletion'],
    async enter(t, key) {
      await schedule(t, key);
    },
    cryptoError: pendingDeletionError,
  },
  PendingImport: {
    state: 'PendingImport',
    slug: 'pending-import',
    ready: 'CreateKey Origin=EXTERNAL gives a PendingImport key',
    testedBy: 'key-state.pending-import-describe-key',
    canHaveCiphertext: false,
    create: pendingImportKey,
    enterOps: [],
    async enter() {},
    cryptoError: pendingImportError,
  },
};

/** One symmetric cryptographic operation, as a row of the state × operation table. */
export interface CryptoRow {
  slug: string;
  label: string;
  ops: OperationName[];
  /** The API reference section listing the operation's key-state errors. */
  doc: string;
  /** Whether the call needs a ciphertext made under the key while it was still Enabled. */
  needsCiphertext: boolean;
  /** Runs the operation against `key` (already in the state). `blob` was made under `key` before. */
  call(t: CaseContext, key: Key, blob: Uint8Array | undefined, helper: Key | undefined): Promise<unknown>;
  /** Needs a second, Enabled key (ReEncrypt's other side). */
  needsHelper: boolean;
}

const errorsDoc = (op: string) => `https://docs.aws.amazon.com/kms/latest/APIReference/API_${op}.html#API_${op}_Errors`;

export const CRYPTO_ROWS: CryptoRow[] = [
  {
    slug: 'encrypt',
    label: 'Encrypt',
    ops: ['Encrypt'],
    doc: errorsDoc('Encrypt'),
    needsCiphertext: false,
    needsHelper: false,
    call: (t, key) => t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(16) })),
  },
  {
    slug: 'decrypt',
    label: 'Decrypt',
    ops: ['Encrypt', 'Decrypt'],
    doc: errorsDoc('Decrypt'),
    needsCiphertext: true,
    needsHelper: false,
    call: (t, _key, blob) => t.kms.send(new DecryptCommand({ CiphertextBlob: blob })),
  },
  {
    slug: 'generate-data-key',
    label: 'GenerateDataKey',
    ops: ['GenerateDataKey'],
    doc: errorsDoc('GenerateDataKey'),
    needsCiphertext: false,
    needsHelper: false,
    call: (t, key) => t.kms.send(new GenerateDataKeyCommand({ KeyId: key.KeyId, KeySpec: 'AES_256' })),
  },
  {
    slug: 'generate-data-key-without-plaintext',
    label: 'GenerateDataKeyWithoutPlaintext',
    ops: ['GenerateDataKeyWithoutPlaintext'],
    doc: errorsDoc('GenerateDataKeyWithoutPlaintext'),
    needsCiphertext: false,
    needsHelper: false,
    call: (t, key) => t.kms.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: key.KeyId, NumberOfBytes: 32 })),
  },
  {
    slug: 'reencrypt-source',
    label: 'ReEncrypt from it (source key)',
    ops: ['Encrypt', 'ReEncrypt'],
    doc: errorsDoc('ReEncrypt'),
    needsCiphertext: true,
    needsHelper: true,
    call: (t, _key, blob, helper) => t.kms.send(new ReEncryptCommand({ CiphertextBlob: blob, DestinationKeyId: helper!.KeyId })),
  },
  {
    slug: 'reencrypt-destination',
    label: 'ReEncrypt to it (destination key)',
    ops: ['Encrypt', 'ReEncrypt'],
    doc: errorsDoc('ReEncrypt'),
    needsCiphertext: false,
    needsHelper: true,
    async call(t, key, _blob, helper) {
      const { CiphertextBlob } = await t.kms.send(new EncryptCommand({ KeyId: helper!.KeyId, Plaintext: t.bytes(16) }));
      return t.kms.send(new ReEncryptCommand({ CiphertextBlob, DestinationKeyId: key.KeyId }));
    },
  },
];

/**
 * The case for one cryptographic operation (a row of {@link CRYPTO_ROWS}, by slug) on a key in
 * `spec`'s state: the key is put in the state and the operation is refused with that state's
 * error, naming this key's ARN.
 */
export function cryptoRefusalCase(area: string, tag: CaseTag, spec: StateSpec, slug: string, source: CaseSource): ConformanceCase {
  const row = CRYPTO_ROWS.find((r) => r.slug === slug);
  if (!row) throw new Error(`no cryptographic operation '${slug}' in CRYPTO_ROWS`);
  if (row.needsCiphertext && !spec.canHaveCiphertext) throw new Error(`a ${spec.state} key cannot hold a ciphertext for ${row.label}`);
  return defineCase({
    id: `${area}.${spec.slug}-refuses-${row.slug}`,
    title: `${row.label} on a ${spec.state} key is refused with ${spec.cryptoError('<arn>').code}`,
    doc: row.doc,
    source,
    tags: tag === 'key-state' ? ['key-state'] : [tag, 'key-state'],
    ops: [...new Set<OperationName>(['CreateKey', ...row.ops, ...spec.enterOps])],
    async run(t) {
      const { key, helper, blob } = await t.given(
        spec.ready,
        async () => {
          const key = await spec.create(t);
          const helper = row.needsHelper ? await t.createKey() : undefined;
          let blob: Uint8Array | undefined;
          if (row.needsCiphertext) {
            blob = (await t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(16) }))).CiphertextBlob;
          }
          await spec.enter(t, key);
          return { key, helper, blob };
        },
        { coveredBy: spec.testedBy },
      );
      await t.expectError(row.call(t, key, blob, helper), spec.cryptoError(key.Arn));
    },
  });
}

/** Read-after-write checks of listings (tags, aliases), which KMS documents as eventually consistent: _lib/support.ts. */
export { settle } from '../_lib/support.js';

export interface StateCaseSpec<P = undefined> {
  state: StateName;
  /** Behaviour after the state slug: id `key-state.<state-slug>-<behaviour>`. */
  behaviour: string;
  title: string;
  doc: string;
  source: CaseSource;
  /** Operations the body calls (CreateKey and the state's own are added). */
  ops: OperationName[];
  tags?: CaseTag[];
  /** Runs once the key is in the state; `prepared` is what `before` returned. */
  body(t: CaseContext, key: Key, prepared: P): Promise<void>;
  /** Runs on the fresh key before it is put in the state (e.g. to tag it or make a ciphertext). */
  before?(t: CaseContext, key: Key): Promise<P>;
}

/**
 * A case whose key is first put in `state` — a prerequisite (`t.given`): where the target cannot
 * do that, the case is blocked, naming the case that tests it — then `body` checks one behaviour.
 */
export function stateCase<P = undefined>(spec: StateCaseSpec<P>): ConformanceCase {
  const state = STATES[spec.state];
  return defineCase({
    id: `key-state.${state.slug}-${spec.behaviour}`,
    title: spec.title,
    doc: spec.doc,
    source: spec.source,
    tags: spec.tags ?? ['key-state'],
    ops: [...new Set<OperationName>(['CreateKey', ...state.enterOps, ...spec.ops])],
    async run(t) {
      const { key, prepared } = await t.given(
        state.ready,
        async () => {
          const key = await state.create(t);
          const prepared = (await spec.before?.(t, key)) as P;
          await state.enter(t, key);
          return { key, prepared };
        },
        { coveredBy: state.testedBy },
      );
      await spec.body(t, key, prepared);
    },
  });
}
