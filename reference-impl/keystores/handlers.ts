/**
 * Create/Describe/Update/Delete/Connect/DisconnectCustomKeyStore over a repository and the
 * backends. Each takes the operation's validated input and {@link KeyStoreDeps}; each returns
 * the operation's JSON result or throws the KmsError AWS answers with.
 *
 * ConnectCustomKeyStore starts the connection and returns at once, as AWS does ("This operation
 * starts the connection process, but it does not wait for it to complete",
 * https://docs.aws.amazon.com/kms/latest/APIReference/API_ConnectCustomKeyStore.html): the store is
 * CONNECTING until the backend answers, then CONNECTED or FAILED with a ConnectionErrorCode. The
 * work is handed to `deps.track` (tests await it). DisconnectCustomKeyStore passes through
 * DISCONNECTING and returns once DISCONNECTED.
 *
 * External key stores with PUBLIC_ENDPOINT connectivity are health-checked at Create and at any
 * Update of the endpoint, path, credential or connectivity ("KMS invokes the GetHealthStatus to
 * validate the XKS Proxy's endpoint and authentication key when a customer calls the
 * CreateCustomKeyStore or UpdateCustomKeyStore or ConnectCustomKeyStore APIs", XKS spec). The
 * reference server has no Amazon VPC endpoint services: VPC_ENDPOINT_SERVICE connectivity is
 * answered with XksProxyVpcEndpointServiceNotFoundException (Create/Update) and
 * XKS_VPC_ENDPOINT_SERVICE_NOT_FOUND (Connect), AWS's answers for a service it cannot find.
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import { CustomKeyStoreNotFoundException, LimitExceededException, ValidationException } from '../errors.js';
import { page } from '../reply/pagination.js';
import type { CloudHsmBackend, ConnectOutcome, XksProxyApi, XksRequestMetadata } from './backends/types.js';
import { XksCallError } from './backends/types.js';
import { normalizeCertificate } from './backends/cloudhsm-pkcs11.js';
import {
  CloudHsmClusterInUseException,
  CloudHsmClusterNotActiveException,
  CloudHsmClusterNotFoundException,
  CloudHsmClusterNotRelatedException,
  CustomKeyStoreNameInUseException,
  IncorrectTrustAnchorException,
  XksProxyUriInUseException,
  XksProxyVpcEndpointServiceNotFoundException,
} from '../errors.js';
import { cksMsg } from './messages.js';
import { listEntry, newCustomKeyStoreId, type CustomKeyStoreRecord, type CustomKeyStoresListEntryWire, type XksProxySettings } from './model.js';
import type { CustomKeyStoreRepository } from './repository.js';
import { checkDelete, checkDisconnect, checkUpdate, connecting, connectionSettled, disconnected, disconnecting, planConnect } from './state-machine.js';
import { checkUpdateParams, parseCreate, updateChanges, updatedXks, type CreateCustomKeyStoreInput, type UpdateCustomKeyStoreInput } from './validate.js';
import { allEkmsUnavailable, xksConnectionCode, xksManageError } from './xks-errors.js';

/** spec/aws-observed.md: 10 custom key stores per account and Region. */
export const MAX_CUSTOM_KEY_STORES = 10;

export interface KeyStoreScope {
  readonly account: string;
  readonly region: string;
  readonly principalArn: string;
  readonly requestId: string;
}

export interface KeyStoreDeps {
  readonly repo: CustomKeyStoreRepository;
  readonly cloudHsm: CloudHsmBackend;
  readonly xks: XksProxyApi;
  readonly scope: KeyStoreScope;
  /** Wall clock (ms) for CreationDate. */
  readonly now: () => number;
  readonly newId?: () => string;
  readonly maxStores?: number;
  /** Receives background work (a connection attempt); errors are already handled inside. */
  readonly track?: (work: Promise<void>) => void;
}

function getStore(deps: KeyStoreDeps, id: string): CustomKeyStoreRecord {
  const s = deps.repo.get(deps.scope.account, deps.scope.region, id);
  if (!s) throw new CustomKeyStoreNotFoundException(cksMsg.notFound(id));
  return s;
}

const others = (deps: KeyStoreDeps, id?: string): readonly CustomKeyStoreRecord[] =>
  deps.repo.list(deps.scope.account, deps.scope.region).filter((s) => s.id !== id);

function checkName(deps: KeyStoreDeps, name: string, id?: string): void {
  if (others(deps, id).some((s) => s.name === name)) throw new CustomKeyStoreNameInUseException(cksMsg.nameInUse(name));
}

/** Cluster exists, is not another store's, is active; its trust anchor matches when it has one. */
function checkCluster(deps: KeyStoreDeps, clusterId: string, certificate: string, id: string | undefined, related: boolean): void {
  const info = deps.cloudHsm.describeCluster(clusterId);
  if (!info) throw new CloudHsmClusterNotFoundException(cksMsg.clusterNotFound(clusterId));
  if (others(deps, id).some((s) => s.cloudHsm?.clusterId === clusterId)) throw new CloudHsmClusterInUseException(cksMsg.clusterInUse(clusterId));
  if (!info.active) throw new CloudHsmClusterNotActiveException(cksMsg.clusterNotActive(clusterId));
  if (info.trustAnchorCertificate !== undefined && info.trustAnchorCertificate !== normalizeCertificate(certificate)) {
    throw related ? new CloudHsmClusterNotRelatedException(cksMsg.clusterNotRelated(clusterId)) : new IncorrectTrustAnchorException(cksMsg.incorrectTrustAnchor(clusterId));
  }
}

const healthMeta = (deps: KeyStoreDeps, kmsOperation: string): XksRequestMetadata => ({ kmsOperation, kmsRequestId: deps.scope.requestId });

/** The Create/Update checks of an external key store's proxy settings. */
async function checkXks(deps: KeyStoreDeps, x: XksProxySettings, id: string | undefined, kmsOperation: string, probe: boolean): Promise<void> {
  if (x.connectivity === 'VPC_ENDPOINT_SERVICE') throw new XksProxyVpcEndpointServiceNotFoundException(cksMsg.vpcServiceNotFound(x.vpcEndpointServiceName ?? ''));
  const uri = `${x.uriEndpoint}${x.uriPath}`;
  if (others(deps, id).some((s) => s.xks !== undefined && `${s.xks.uriEndpoint}${s.xks.uriPath}` === uri)) throw new XksProxyUriInUseException(cksMsg.uriInUse(uri));
  if (!probe) return;
  let health;
  try {
    health = await deps.xks.health({ settings: x, region: deps.scope.region }, healthMeta(deps, kmsOperation));
  } catch (e) {
    if (e instanceof XksCallError) throw xksManageError(e.failure);
    throw e;
  }
  if (health.ekmFleetDetails.every((f) => f.healthStatus === 'UNAVAILABLE')) throw allEkmsUnavailable().manage;
}

export async function createCustomKeyStore(input: CreateCustomKeyStoreInput, deps: KeyStoreDeps): Promise<{ CustomKeyStoreId: string }> {
  const settings = parseCreate(input, deps.scope.account);
  const max = deps.maxStores ?? MAX_CUSTOM_KEY_STORES;
  if (others(deps).length >= max) throw new LimitExceededException(cksMsg.tooMany(max));
  checkName(deps, input.CustomKeyStoreName);
  if (settings.cloudHsm) checkCluster(deps, settings.cloudHsm.clusterId, settings.cloudHsm.trustAnchorCertificate, undefined, false);
  if (settings.xks) await checkXks(deps, settings.xks, undefined, 'CreateCustomKeyStore', true);
  const id = (deps.newId ?? newCustomKeyStoreId)();
  const record: CustomKeyStoreRecord = {
    id,
    account: deps.scope.account,
    region: deps.scope.region,
    name: input.CustomKeyStoreName,
    type: settings.type,
    createdAt: deps.now(),
    connectionState: 'DISCONNECTED',
    connectionAttempt: 0,
    ...(settings.cloudHsm ? { cloudHsm: settings.cloudHsm } : {}),
    ...(settings.xks ? { xks: settings.xks } : {}),
  };
  deps.repo.put(record);
  return { CustomKeyStoreId: id };
}

export function describeCustomKeyStores(
  input: { CustomKeyStoreId?: string; CustomKeyStoreName?: string; Limit?: number; Marker?: string },
  deps: KeyStoreDeps,
): { CustomKeyStores: CustomKeyStoresListEntryWire[]; NextMarker?: string; Truncated: boolean } {
  if (input.CustomKeyStoreId !== undefined && input.CustomKeyStoreName !== undefined) throw new ValidationException(cksMsg.idAndName);
  let stores = deps.repo.list(deps.scope.account, deps.scope.region);
  if (input.CustomKeyStoreId !== undefined) stores = [getStore(deps, input.CustomKeyStoreId)];
  if (input.CustomKeyStoreName !== undefined) {
    stores = stores.filter((s) => s.name === input.CustomKeyStoreName);
    if (stores.length === 0) throw new CustomKeyStoreNotFoundException(cksMsg.notFoundByName(input.CustomKeyStoreName));
  }
  const p = page(stores, (s) => s.id, input.Limit, input.Marker);
  const out: { CustomKeyStores: CustomKeyStoresListEntryWire[]; NextMarker?: string; Truncated: boolean } = {
    CustomKeyStores: p.items.map(listEntry),
    Truncated: p.truncated,
  };
  if (p.nextMarker !== undefined) out.NextMarker = p.nextMarker;
  return out;
}

export async function updateCustomKeyStore(input: UpdateCustomKeyStoreInput, deps: KeyStoreDeps): Promise<Record<string, never>> {
  const store = getStore(deps, input.CustomKeyStoreId);
  checkUpdateParams(input, store.type);
  const changes = updateChanges(input);
  checkUpdate(store, changes);
  if (input.NewCustomKeyStoreName !== undefined) checkName(deps, input.NewCustomKeyStoreName, store.id);
  let next: CustomKeyStoreRecord = input.NewCustomKeyStoreName === undefined ? store : { ...store, name: input.NewCustomKeyStoreName };
  if (store.cloudHsm) {
    const clusterId = input.CloudHsmClusterId ?? store.cloudHsm.clusterId;
    if (input.CloudHsmClusterId !== undefined && input.CloudHsmClusterId !== store.cloudHsm.clusterId) {
      checkCluster(deps, clusterId, store.cloudHsm.trustAnchorCertificate, store.id, true);
    }
    next = { ...next, cloudHsm: { ...store.cloudHsm, clusterId, keyStorePassword: input.KeyStorePassword ?? store.cloudHsm.keyStorePassword } };
  }
  if (store.xks) {
    const xks = updatedXks(store.xks, input, deps.scope.account);
    const probe = Boolean(changes.xksProxyUriEndpoint || changes.xksProxyUriPath || changes.xksProxyAuthenticationCredential || changes.xksProxyConnectivity);
    if (probe || changes.xksProxyVpcEndpointServiceName) await checkXks(deps, xks, store.id, 'UpdateCustomKeyStore', probe);
    next = { ...next, xks };
  }
  // Re-read: a connection attempt may have settled while the proxy was probed.
  const latest = deps.repo.get(store.account, store.region, store.id) ?? store;
  deps.repo.put({ ...next, connectionState: latest.connectionState, connectionAttempt: latest.connectionAttempt, ...connectionError(latest) });
  return {};
}

const connectionError = (s: CustomKeyStoreRecord): { connectionErrorCode?: CustomKeyStoreRecord['connectionErrorCode'] } =>
  s.connectionErrorCode === undefined ? {} : { connectionErrorCode: s.connectionErrorCode };

export function deleteCustomKeyStore(input: { CustomKeyStoreId: string }, deps: KeyStoreDeps): Record<string, never> {
  const store = getStore(deps, input.CustomKeyStoreId);
  checkDelete(store, deps.repo.countKeys(store.account, store.region, store.id));
  deps.repo.delete(store.account, store.region, store.id);
  return {};
}

export function connectCustomKeyStore(input: { CustomKeyStoreId: string }, deps: KeyStoreDeps): Record<string, never> {
  const store = getStore(deps, input.CustomKeyStoreId);
  if (planConnect(store) === 'noop') return {};
  const attempt = connecting(store);
  deps.repo.put(attempt);
  const work = attemptConnection(attempt, deps).then(
    (outcome) => settle(attempt, outcome, deps),
    () => settle(attempt, { ok: false, code: 'INTERNAL_ERROR' }, deps),
  );
  if (deps.track) deps.track(work);
  else work.catch(() => undefined);
  return {};
}

/** Talks to the backing key store; never throws for a backend's answer. */
async function attemptConnection(store: CustomKeyStoreRecord, deps: KeyStoreDeps): Promise<ConnectOutcome> {
  if (store.cloudHsm) return deps.cloudHsm.connect({ storeId: store.id, clusterId: store.cloudHsm.clusterId, password: store.cloudHsm.keyStorePassword });
  const x = store.xks!;
  if (x.connectivity === 'VPC_ENDPOINT_SERVICE') return { ok: false, code: 'XKS_VPC_ENDPOINT_SERVICE_NOT_FOUND' };
  try {
    const health = await deps.xks.health({ settings: x, region: store.region }, healthMeta(deps, 'ConnectCustomKeyStore'));
    if (health.ekmFleetDetails.every((f) => f.healthStatus === 'UNAVAILABLE')) return { ok: false, code: allEkmsUnavailable().connect };
    return { ok: true };
  } catch (e) {
    if (e instanceof XksCallError) return { ok: false, code: xksConnectionCode(e.failure) };
    throw e;
  }
}

async function settle(attempt: CustomKeyStoreRecord, outcome: ConnectOutcome, deps: KeyStoreDeps): Promise<void> {
  const latest = deps.repo.get(attempt.account, attempt.region, attempt.id);
  const next = latest && connectionSettled(latest, attempt.connectionAttempt, outcome.ok ? undefined : outcome.code);
  if (next) {
    deps.repo.put(next);
    return;
  }
  // Overtaken by a Disconnect (or deleted): drop the session this attempt opened.
  if (outcome.ok && attempt.cloudHsm && (!latest || latest.connectionState === 'DISCONNECTED' || latest.connectionState === 'DISCONNECTING')) {
    await deps.cloudHsm.disconnect(attempt.id);
  }
}

export async function disconnectCustomKeyStore(input: { CustomKeyStoreId: string }, deps: KeyStoreDeps): Promise<Record<string, never>> {
  const store = getStore(deps, input.CustomKeyStoreId);
  checkDisconnect(store);
  deps.repo.put(disconnecting(store));
  if (store.cloudHsm) await deps.cloudHsm.disconnect(store.id);
  const latest = deps.repo.get(store.account, store.region, store.id);
  if (latest && latest.connectionState === 'DISCONNECTING') deps.repo.put(disconnected(latest));
  return {};
}

/** A request id for calls made outside a request (tests, tools). */
export const newRequestId = (): string => randomUUID();
