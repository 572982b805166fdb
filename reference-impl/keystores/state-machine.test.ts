import { describe, expect, it } from 'vitest';
import { isKmsError } from '../errors.js';
import { CONNECTION_STATES, type ConnectionState, type CustomKeyStoreRecord, type CustomKeyStoreType } from './model.js';
import {
  checkCreateKey,
  checkDelete,
  checkDisconnect,
  checkGenerateRandom,
  checkUpdate,
  connecting,
  connectionSettled,
  disconnected,
  disconnecting,
  effectiveKeyState,
  planConnect,
} from './state-machine.js';

const store = (connectionState: ConnectionState, type: CustomKeyStoreType = 'AWS_CLOUDHSM'): CustomKeyStoreRecord => ({
  id: 'cks-1234567890abcdef0',
  account: '111122223333',
  region: 'us-east-1',
  name: 'ks',
  type,
  createdAt: 0,
  connectionState,
  connectionAttempt: 3,
});

const code = (f: () => unknown): string => {
  try {
    const r = f();
    return typeof r === 'string' ? r : 'ok';
  } catch (e) {
    return isKmsError(e) ? e.code : `threw ${String(e)}`;
  }
};

const INVALID = 'CustomKeyStoreInvalidStateException';

describe('which operation is allowed in which connection state', () => {
  // Rows: the API reference's CustomKeyStoreInvalidStateException conditions.
  const table: Record<ConnectionState, { connect: string; disconnect: string; delete: string; createKey: string; rename: string; password: string }> = {
    DISCONNECTED: { connect: 'start', disconnect: INVALID, delete: 'ok', createKey: INVALID, rename: 'ok', password: 'ok' },
    CONNECTING: { connect: 'noop', disconnect: 'ok', delete: INVALID, createKey: INVALID, rename: INVALID, password: INVALID },
    CONNECTED: { connect: 'noop', disconnect: 'ok', delete: INVALID, createKey: 'ok', rename: 'ok', password: INVALID },
    FAILED: { connect: INVALID, disconnect: 'ok', delete: INVALID, createKey: INVALID, rename: INVALID, password: INVALID },
    DISCONNECTING: { connect: INVALID, disconnect: INVALID, delete: INVALID, createKey: INVALID, rename: INVALID, password: INVALID },
  };
  for (const state of CONNECTION_STATES) {
    it(state, () => {
      const s = store(state);
      expect({
        connect: code(() => planConnect(s)),
        disconnect: code(() => checkDisconnect(s)),
        delete: code(() => checkDelete(s, 0)),
        createKey: code(() => checkCreateKey(s)),
        rename: code(() => checkUpdate(s, { name: true })),
        password: code(() => checkUpdate(s, { keyStorePassword: true })),
      }).toEqual(table[state]);
    });
  }

  it('an external key store may change name, credential and path while CONNECTED, nothing else', () => {
    const s = store('CONNECTED', 'EXTERNAL_KEY_STORE');
    expect(code(() => checkUpdate(s, { name: true, xksProxyAuthenticationCredential: true, xksProxyUriPath: true }))).toBe('ok');
    expect(code(() => checkUpdate(s, { xksProxyUriEndpoint: true }))).toBe(INVALID);
    expect(code(() => checkUpdate(s, { xksProxyConnectivity: true }))).toBe(INVALID);
    expect(code(() => checkUpdate(store('CONNECTED'), { xksProxyUriPath: true }))).toBe(INVALID);
  });

  it('Delete needs an empty store as well as DISCONNECTED', () => {
    expect(code(() => checkDelete(store('DISCONNECTED'), 2))).toBe('CustomKeyStoreHasCMKsException');
    expect(code(() => checkDelete(store('CONNECTED'), 2))).toBe(INVALID);
  });

  it('GenerateRandom: CloudHSM stores must be CONNECTED; external key stores are unsupported', () => {
    expect(code(() => checkGenerateRandom(store('CONNECTED')))).toBe('ok');
    expect(code(() => checkGenerateRandom(store('DISCONNECTED')))).toBe(INVALID);
    expect(code(() => checkGenerateRandom(store('CONNECTED', 'EXTERNAL_KEY_STORE')))).toBe('UnsupportedOperationException');
  });

  it('CreateKey in a disconnected external key store gets the XKS specification message', () => {
    try {
      checkCreateKey(store('DISCONNECTED', 'EXTERNAL_KEY_STORE'));
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toBe(
        'This KMS key is in a custom key store that is not connected to its external key store proxy. Connect the external key store and try the request again.',
      );
    }
  });
});

describe('transitions', () => {
  it('DISCONNECTED → CONNECTING → CONNECTED, or FAILED with a code that shows only while FAILED', () => {
    const c = connecting(store('DISCONNECTED'));
    expect(c).toMatchObject({ connectionState: 'CONNECTING', connectionAttempt: 4 });
    expect(connectionSettled(c, 4)).toMatchObject({ connectionState: 'CONNECTED' });
    const failed = connectionSettled(c, 4, 'INVALID_CREDENTIALS')!;
    expect(failed).toMatchObject({ connectionState: 'FAILED', connectionErrorCode: 'INVALID_CREDENTIALS' });
    const d = disconnected(disconnecting(failed));
    expect(d.connectionState).toBe('DISCONNECTED');
    expect('connectionErrorCode' in d).toBe(false);
  });

  it('a connection attempt overtaken by Disconnect is dropped', () => {
    const c = connecting(store('DISCONNECTED'));
    const d = disconnecting(c);
    expect(connectionSettled(d, c.connectionAttempt)).toBeUndefined();
    expect(connectionSettled(disconnected(d), c.connectionAttempt)).toBeUndefined();
    expect(connectionSettled(connecting(disconnected(d)), c.connectionAttempt)).toBeUndefined();
  });

  it('keys of a store that is not CONNECTED are Unavailable, except PendingDeletion', () => {
    expect(effectiveKeyState('Enabled', 'CONNECTED')).toBe('Enabled');
    expect(effectiveKeyState('Disabled', 'CONNECTED')).toBe('Disabled');
    for (const s of ['DISCONNECTED', 'CONNECTING', 'FAILED', 'DISCONNECTING'] as const) {
      expect(effectiveKeyState('Enabled', s)).toBe('Unavailable');
      expect(effectiveKeyState('PendingDeletion', s)).toBe('PendingDeletion');
    }
  });
});
