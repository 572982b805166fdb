/**
 * Create/Describe/Update/Delete/Connect/DisconnectCustomKeyStore: the keystores/ handlers, given
 * this request's scope and the server's repository and backends. Create, Update and Disconnect
 * answer with a Promise (they may ask a cluster or an XKS proxy); Connect starts the connection and
 * answers at once, as AWS does.
 *
 * A server without custom key store services answers each call as for a store that does not
 * exist (Create: CustomKeyStoreNotFoundException is not in its list, so it is refused with
 * UnsupportedOperationException).
 *
 * @module
 */
import { CustomKeyStoreNotFoundException, UnsupportedOperationException } from '../errors.js';
import {
  connectCustomKeyStore as connect,
  createCustomKeyStore as create,
  deleteCustomKeyStore as remove,
  describeCustomKeyStores as describe,
  disconnectCustomKeyStore as disconnect,
  updateCustomKeyStore as update,
  type KeyStoreDeps,
} from '../keystores/index.js';
import type {
  ConnectCustomKeyStoreRequest,
  CreateCustomKeyStoreRequest,
  DeleteCustomKeyStoreRequest,
  DescribeCustomKeyStoresRequest,
  DisconnectCustomKeyStoreRequest,
  UpdateCustomKeyStoreRequest,
} from '../../common/model/schemas.js';
import type { OpContext } from './context.js';

export const NO_KEY_STORES = 'This kmsbench reference server offers no custom key stores.';

/** The keystores/ handlers' dependencies for this request. */
export function keyStoreDeps(ctx: OpContext, storeId?: string): KeyStoreDeps {
  const services = ctx.keyStores;
  if (!services) {
    if (storeId !== undefined) throw new CustomKeyStoreNotFoundException(`Custom key store ${storeId} does not exist.`);
    throw new UnsupportedOperationException(NO_KEY_STORES);
  }
  const deps: KeyStoreDeps = {
    repo: services.repo,
    cloudHsm: services.cloudHsm,
    xks: services.xks,
    scope: { account: ctx.scope.account, region: ctx.scope.region, principalArn: ctx.scope.principalArn, requestId: ctx.requestId ?? '' },
    now: () => ctx.scope.now,
  };
  return services.track ? { ...deps, track: services.track } : deps;
}

export function createCustomKeyStore(input: CreateCustomKeyStoreRequest, ctx: OpContext): Promise<object> {
  return create(input, keyStoreDeps(ctx));
}

export function describeCustomKeyStores(input: DescribeCustomKeyStoresRequest, ctx: OpContext): object {
  if (!ctx.keyStores) {
    if (input.CustomKeyStoreId !== undefined || input.CustomKeyStoreName !== undefined) keyStoreDeps(ctx, input.CustomKeyStoreId ?? input.CustomKeyStoreName);
    return { CustomKeyStores: [], Truncated: false };
  }
  return describe(input, keyStoreDeps(ctx));
}

export function updateCustomKeyStore(input: UpdateCustomKeyStoreRequest, ctx: OpContext): Promise<object> {
  return update(input, keyStoreDeps(ctx, input.CustomKeyStoreId));
}

export function deleteCustomKeyStore(input: DeleteCustomKeyStoreRequest, ctx: OpContext): object {
  return remove(input, keyStoreDeps(ctx, input.CustomKeyStoreId));
}

export function connectCustomKeyStore(input: ConnectCustomKeyStoreRequest, ctx: OpContext): object {
  return connect(input, keyStoreDeps(ctx, input.CustomKeyStoreId));
}

export function disconnectCustomKeyStore(input: DisconnectCustomKeyStoreRequest, ctx: OpContext): Promise<object> {
  return disconnect(input, keyStoreDeps(ctx, input.CustomKeyStoreId));
}
