/**
 * The custom key store connection-state machine: which operation is allowed in which state, and
 * the transitions. Pure functions over records; no I/O.
 *
 * ```
 *            Connect                 backend ok
 * DISCONNECTED ──────▶ CONNECTING ──────────────▶ CONNECTED
 *      ▲                   │ backend fails             │
 *      │                   ▼                           │
 *      │                FAILED (+ConnectionErrorCode)  │
 *      │   Disconnect      │ Disconnect                │ Disconnect
 *      └── DISCONNECTING ◀─┴───────────────────────────┘  (CONNECTING too)
 * ```
 *
 * Facts, from the API reference (texts in spec/kms-2014-11-01.service-2.json):
 * - CustomKeyStoreInvalidStateException
 *   (https://docs.aws.amazon.com/kms/latest/APIReference/API_ConnectCustomKeyStore.html#API_ConnectCustomKeyStore_Errors):
 *   ConnectCustomKeyStore fails in DISCONNECTING or FAILED and "is valid for all other ConnectionState
 *   values" (so CONNECTED/CONNECTING answer success and change nothing); DisconnectCustomKeyStore
 *   fails in DISCONNECTING or DISCONNECTED; CreateKey needs CONNECTED; DeleteCustomKeyStore needs
 *   DISCONNECTED; GenerateRandom in a CloudHSM key store needs CONNECTED.
 * - UpdateCustomKeyStore (https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateCustomKeyStore.html):
 *   "To update most properties ... the ConnectionState ... must be DISCONNECTED. However, you can
 *   update the CustomKeyStoreName of an AWS CloudHSM key store when it is in the CONNECTED or
 *   DISCONNECTED state" and "you can update the CustomKeyStoreName, XksProxyAuthenticationCredential,
 *   and XksProxyUriPath of an external key store when it is in the CONNECTED or DISCONNECTED state."
 *   (The exception's own text still says only the name; the operation page is the newer, more
 *   specific statement and is followed here.)
 * - DescribeCustomKeyStores: DISCONNECTED "only if the key store has never been connected or you
 *   use the DisconnectCustomKeyStore operation"; ConnectionErrorCode appears only when FAILED.
 *   To recover from FAILED: Disconnect, fix, Connect.
 * - Keys: "While a custom key store is disconnected, ... you cannot create or use its KMS keys";
 *   such keys have the key state Unavailable (https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html),
 *   except that a key pending deletion stays PendingDeletion (spec/aws-observed.md note [13]).
 *   Cryptographic operations on them fail with KMSInvalidStateException (xks-troubleshooting:
 *   "AWS KMS cryptographic operations return KMSInvalidStateException for all failures related to
 *   the external configuration or connection state of the external key store").
 *
 * @module
 */
import { UnsupportedOperationException } from '../errors.js';
import { CustomKeyStoreHasCMKsException, CustomKeyStoreInvalidStateException } from '../errors.js';
import { cksMsg, xksMsg } from './messages.js';
import type { ConnectionErrorCode, ConnectionState, CustomKeyStoreRecord, CustomKeyStoreType } from './model.js';

const invalid = (store: CustomKeyStoreRecord, operation: string) =>
  new CustomKeyStoreInvalidStateException(cksMsg.invalidState(store.id, store.connectionState, operation));

// ---------------------------------------------------------------------------------------------
// Checks: throw the error AWS answers with, or say what to do
// ---------------------------------------------------------------------------------------------

/** `start`: begin connecting; `noop`: already connected or connecting, answer success. */
export function planConnect(store: CustomKeyStoreRecord): 'start' | 'noop' {
  switch (store.connectionState) {
    case 'DISCONNECTED':
      return 'start';
    case 'CONNECTED':
    case 'CONNECTING':
      return 'noop';
    case 'FAILED':
    case 'DISCONNECTING':
      throw invalid(store, 'ConnectCustomKeyStore');
  }
}

export function checkDisconnect(store: CustomKeyStoreRecord): void {
  if (store.connectionState === 'DISCONNECTED' || store.connectionState === 'DISCONNECTING') throw invalid(store, 'DisconnectCustomKeyStore');
}

/** State first, then keys (INFERRED order: the documented procedure disconnects before deleting). */
export function checkDelete(store: CustomKeyStoreRecord, keyCount: number): void {
  if (store.connectionState !== 'DISCONNECTED') throw invalid(store, 'DeleteCustomKeyStore');
  if (keyCount > 0) throw new CustomKeyStoreHasCMKsException(cksMsg.hasKeys(store.id, keyCount));
}

/** The properties an UpdateCustomKeyStore request changes (true = present in the request). */
export interface UpdateChanges {
  readonly name?: boolean;
  readonly keyStorePassword?: boolean;
  readonly cloudHsmClusterId?: boolean;
  readonly xksProxyUriEndpoint?: boolean;
  readonly xksProxyUriPath?: boolean;
  readonly xksProxyVpcEndpointServiceName?: boolean;
  readonly xksProxyVpcEndpointServiceOwner?: boolean;
  readonly xksProxyAuthenticationCredential?: boolean;
  readonly xksProxyConnectivity?: boolean;
}

/** Properties that may change while CONNECTED, by store type (UpdateCustomKeyStore page). */
const CHANGEABLE_WHILE_CONNECTED: Record<CustomKeyStoreType, ReadonlySet<keyof UpdateChanges>> = {
  AWS_CLOUDHSM: new Set(['name']),
  EXTERNAL_KEY_STORE: new Set(['name', 'xksProxyAuthenticationCredential', 'xksProxyUriPath']),
};

export function checkUpdate(store: CustomKeyStoreRecord, changes: UpdateChanges): void {
  if (store.connectionState === 'DISCONNECTED') return;
  const changed = (Object.keys(changes) as (keyof UpdateChanges)[]).filter((k) => changes[k]);
  const allowed = CHANGEABLE_WHILE_CONNECTED[store.type];
  if (store.connectionState === 'CONNECTED' && changed.every((k) => allowed.has(k))) return;
  throw invalid(store, 'UpdateCustomKeyStore');
}

/** CreateKey with CustomKeyStoreId: the store must be CONNECTED. */
export function checkCreateKey(store: CustomKeyStoreRecord): void {
  if (store.connectionState !== 'CONNECTED') {
    throw new CustomKeyStoreInvalidStateException(store.type === 'EXTERNAL_KEY_STORE' ? xksMsg.notConnected : cksMsg.notConnected(store.id));
  }
}

/** GenerateRandom with CustomKeyStoreId. */
export function checkGenerateRandom(store: CustomKeyStoreRecord): void {
  if (store.type === 'EXTERNAL_KEY_STORE') throw new UnsupportedOperationException(cksMsg.generateRandomXks(store.id));
  if (store.connectionState !== 'CONNECTED') throw new CustomKeyStoreInvalidStateException(cksMsg.notConnected(store.id));
}

/**
 * The KeyState DescribeKey shows for a key in a custom key store: its own state while the store is
 * CONNECTED, else Unavailable (PendingDeletion stays PendingDeletion).
 */
export function effectiveKeyState<S extends string>(keyState: S, storeState: ConnectionState): S | 'Unavailable' {
  if (storeState === 'CONNECTED' || keyState === 'PendingDeletion') return keyState;
  return 'Unavailable';
}

// ---------------------------------------------------------------------------------------------
// Transitions: new records
// ---------------------------------------------------------------------------------------------

const withState = (store: CustomKeyStoreRecord, state: ConnectionState, attempt: number, code?: ConnectionErrorCode): CustomKeyStoreRecord => {
  const { connectionErrorCode: _dropped, ...rest } = store;
  return code === undefined
    ? { ...rest, connectionState: state, connectionAttempt: attempt }
    : { ...rest, connectionState: state, connectionAttempt: attempt, connectionErrorCode: code };
};

/** DISCONNECTED → CONNECTING (a new attempt number). */
export const connecting = (store: CustomKeyStoreRecord): CustomKeyStoreRecord => withState(store, 'CONNECTING', store.connectionAttempt + 1);

/**
 * The end of connection attempt `attempt`: CONNECTED, or FAILED with `code`. Undefined when the
 * record has moved on (a Disconnect or another Connect came in between): the result is dropped.
 */
export function connectionSettled(store: CustomKeyStoreRecord, attempt: number, code?: ConnectionErrorCode): CustomKeyStoreRecord | undefined {
  if (store.connectionState !== 'CONNECTING' || store.connectionAttempt !== attempt) return undefined;
  return code === undefined ? withState(store, 'CONNECTED', attempt) : withState(store, 'FAILED', attempt, code);
}

/** CONNECTED / CONNECTING / FAILED → DISCONNECTING (a new attempt number cancels a pending connect). */
export const disconnecting = (store: CustomKeyStoreRecord): CustomKeyStoreRecord => withState(store, 'DISCONNECTING', store.connectionAttempt + 1);

/** DISCONNECTING → DISCONNECTED. */
export const disconnected = (store: CustomKeyStoreRecord): CustomKeyStoreRecord => withState(store, 'DISCONNECTED', store.connectionAttempt);
