/**
 * Helpers for the custom key store cases. Not a case file: it has no default export.
 *
 * Creating a custom key store needs something behind it: a CloudHSM cluster or an external key
 * store proxy the endpoint can reach. Cases that create stores `need` the `key-store-fixtures`
 * capability: an endpoint that answers `KmsBench.GetKeyStoreFixtures` (the reference server
 * started with `--key-store-fixtures`, as the embedded target is) describes clusters and a proxy
 * to use; elsewhere those cases are skipped with the probe's reason.
 *
 * Each case works in a Region of its own (the reference server serves every Region at one
 * endpoint): an account has at most 10 custom key stores per Region, a store with keys cannot be
 * deleted while they wait out their deletion window, and cluster and proxy settings must be
 * unique per Region — so cases running side by side never meet.
 *
 * @module
 */
import {
  ConnectCustomKeyStoreCommand,
  CreateKeyCommand,
  CreateCustomKeyStoreCommand,
  type CreateCustomKeyStoreCommandInput,
  DescribeCustomKeyStoresCommand,
  DescribeKeyCommand,
  DisconnectCustomKeyStoreCommand,
  ListKeysCommand,
  type CreateKeyCommandInput,
  type CustomKeyStoresListEntry,
  type KMSClient,
  type KeyMetadata,
} from '@aws-sdk/client-kms';
import { defineCase, type CaseContext, type ConformanceCase } from '../../../harness/conformance/case.js';
import type { OperationName } from '../../../common/model/model.js';
import { apiDoc } from '../_lib/asymmetric.js';

export { documented, inferred, recorded } from '../_lib/asymmetric.js';

export const CREATE_DOC = apiDoc('CreateCustomKeyStore');
export const CONNECT_DOC = apiDoc('ConnectCustomKeyStore');
export const DESCRIBE_DOC = apiDoc('DescribeCustomKeyStores');
export const DELETE_DOC = apiDoc('DeleteCustomKeyStore');
export const DISCONNECT_DOC = apiDoc('DisconnectCustomKeyStore');
export const UPDATE_DOC = apiDoc('UpdateCustomKeyStore');
export const CREATE_KEY_DOC = apiDoc('CreateKey');
export const KEY_STATE_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html';
export const CREATE_XKS_KEYS_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/create-xks-keys.html';
export const CLOUDHSM_KEYS_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/use-cmk-keystore.html';
export const XKS_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/keystore-external.html';
export const XKS_SPEC = 'https://github.com/aws/aws-kms-xksproxy-api-spec/blob/main/xks_proxy_api_spec.md';
export const MODEL = (member: string): string => `service model: ${member}`;

/** What `KmsBench.GetKeyStoreFixtures` answers (reference-impl/keystores/fixtures.ts). */
export interface Fixtures {
  CloudHsm: { ClusterIdPrefix: string; InactiveClusterIdPrefix: string; UnrelatedClusterIdPrefix: string; KeyStorePassword: string; TrustAnchorCertificate: string };
  Xks: { UriEndpoint: string; UriPath: string; AccessKeyId: string; SecretAccessKey: string; KeyIds: string[]; DisabledKeyId: string };
}

/**
 * The fixtures, after checking that the endpoint serves this case's Region (a key made there has
 * an ARN in it): the case relies on it, and an endpoint that ignores the Region fails here, always
 * the same way, instead of somewhere later depending on what other cases did.
 */
export async function fixtures(t: CaseContext): Promise<Fixtures> {
  const r = await t.raw('GetKeyStoreFixtures', {}, { target: 'KmsBench.GetKeyStoreFixtures' });
  if (r.status !== 200) t.skip(`the endpoint describes no custom key store fixtures (KmsBench.GetKeyStoreFixtures → HTTP ${r.status} ${r.errorCode ?? ''})`);
  const region = storeRegion(t);
  await t.given("the endpoint serves the case's own Region (a key made there has an ARN in it)", async () => {
    const probe = (await storeKms(t).send(new CreateKeyCommand({ Description: 'kmsbench: is this Region served?' }))).KeyMetadata;
    t.check(probe?.Arn?.split(':')[3] === region, `a key made in ${region} has an ARN in ${region}`, probe?.Arn);
  }, { coveredBy: 'multi-region.key-arn-names-its-region' });
  return r.json as Fixtures;
}

/** 32-bit FNV-1a. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** `n` base32 letters ([a-z2-7], as cluster ids allow) from the case id. */
function tag(t: CaseContext, n: number, salt = ''): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let h = hash(`${t.caseId}${salt}`);
  let h2 = hash(`${salt}${t.caseId}#`);
  let out = '';
  for (let i = 0; i < n; i++) {
    out += alphabet[(i < 6 ? h : h2) & 31];
    if (i < 6) h >>>= 5;
    else h2 >>>= 5;
  }
  return out;
}

/** This case's own Region (see the module doc). */
export const storeRegion = (t: CaseContext): string => `kmsbench-${tag(t, 8)}-1`;

/** The case's client for its Region. */
export const storeKms = (t: CaseContext): KMSClient => t.kmsIn(storeRegion(t));

/** A cluster id of the fixtures for this case (`which` tells several apart). */
export const clusterId = (t: CaseContext, f: Fixtures, which = '', prefix = f.CloudHsm.ClusterIdPrefix): string => `${prefix}${tag(t, 7, which)}`;

/** CreateCustomKeyStore input of a CloudHSM key store on a fixture cluster. */
export const cloudHsmInput = (t: CaseContext, f: Fixtures, name = 'kmsbench-hsm', cluster = clusterId(t, f)) => ({
  CustomKeyStoreName: name,
  CloudHsmClusterId: cluster,
  TrustAnchorCertificate: f.CloudHsm.TrustAnchorCertificate,
  KeyStorePassword: f.CloudHsm.KeyStorePassword,
});

/** CreateCustomKeyStore input of a CloudHSM key store whose kmsuser password is wrong: connecting it FAILS. */
export const wrongPasswordInput = (t: CaseContext, f: Fixtures) => ({ ...cloudHsmInput(t, f), KeyStorePassword: 'not-the-kmsuser-password' });

/** CreateCustomKeyStore input of an external key store on the fixture proxy. */
export const xksInput = (f: Fixtures, name = 'kmsbench-xks', secret = f.Xks.SecretAccessKey) => ({
  CustomKeyStoreName: name,
  CustomKeyStoreType: 'EXTERNAL_KEY_STORE' as const,
  XksProxyConnectivity: 'PUBLIC_ENDPOINT' as const,
  XksProxyUriEndpoint: f.Xks.UriEndpoint,
  XksProxyUriPath: f.Xks.UriPath,
  XksProxyAuthenticationCredential: { AccessKeyId: f.Xks.AccessKeyId, RawSecretAccessKey: secret },
});

export async function describeStore(kms: KMSClient, id: string): Promise<CustomKeyStoresListEntry> {
  return (await kms.send(new DescribeCustomKeyStoresCommand({ CustomKeyStoreId: id }))).CustomKeyStores![0]!;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until the store leaves CONNECTING (AWS: connecting "can take up to 20 minutes"; here seconds). */
export async function awaitConnection(t: CaseContext, kms: KMSClient, id: string): Promise<CustomKeyStoresListEntry> {
  for (let i = 0; i < 120; i++) {
    const s = await describeStore(kms, id);
    if (s.ConnectionState !== 'CONNECTING') return s;
    await sleep(250);
  }
  t.check(false, 'the connection attempt settles within 30 s');
  throw new Error('unreachable');
}

/** ConnectCustomKeyStore, then the store as it settles (CONNECTED or FAILED). */
export async function connectStore(t: CaseContext, id: string): Promise<CustomKeyStoresListEntry> {
  const kms = storeKms(t);
  await kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: id }));
  return awaitConnection(t, kms, id);
}

/** Creates a store in the case's Region; disconnects it after the case. */
export async function createStore(t: CaseContext, input: Record<string, unknown>): Promise<string> {
  const kms = storeKms(t);
  const { CustomKeyStoreId } = await kms.send(new CreateCustomKeyStoreCommand(input as never));
  t.cleanup(() => kms.send(new DisconnectCustomKeyStoreCommand({ CustomKeyStoreId })));
  return CustomKeyStoreId!;
}

/** Creates a store, connects it and waits until it is CONNECTED. */
export async function connectedStore(t: CaseContext, input: Record<string, unknown>): Promise<string> {
  const id = await createStore(t, input);
  const s = await connectStore(t, id);
  t.expectEqual(s.ConnectionState, 'CONNECTED', `ConnectionState of ${id}`);
  return id;
}

const isXks = (input: Record<string, unknown>) => input.CustomKeyStoreType === 'EXTERNAL_KEY_STORE';

/** {@link createStore} as a prerequisite of a case about the store, not its creation. */
export function givenStore(t: CaseContext, input: Record<string, unknown>): Promise<string> {
  return t.given('CreateCustomKeyStore creates a store', () => createStore(t, input), {
    coveredBy: isXks(input) ? 'custom-key-store.xks-connect' : 'custom-key-store.create-cloudhsm-id-shape',
  });
}

/** {@link connectedStore} as a prerequisite of a case about a CONNECTED store. */
export function givenConnectedStore(t: CaseContext, input: Record<string, unknown>): Promise<string> {
  return t.given('CreateCustomKeyStore then ConnectCustomKeyStore give a CONNECTED store', () => connectedStore(t, input), {
    coveredBy: isXks(input) ? 'custom-key-store.xks-connect' : 'custom-key-store.connect-becomes-connected',
  });
}

/** A KMS key in store `id` (CreateKey with `input`), as a prerequisite. */
export function givenStoreKey(t: CaseContext, id: string, input: Record<string, unknown>): Promise<KeyMetadata> {
  const xks = input.Origin === 'EXTERNAL_KEY_STORE';
  return t.given(
    `CreateKey in the ${xks ? 'external' : 'CloudHSM'} key store`,
    async () => {
      const md = (await storeKms(t).send(new CreateKeyCommand({ CustomKeyStoreId: id, ...input }))).KeyMetadata;
      t.check(typeof md?.KeyId === 'string' && typeof md.Arn === 'string', 'CreateKey answers KeyMetadata.KeyId and Arn', md);
      return md!;
    },
    { coveredBy: xks ? 'custom-key-store.xks-key-metadata' : 'custom-key-store.cloudhsm-key-metadata' },
  );
}

/** DisconnectCustomKeyStore, as a prerequisite of cases about a disconnected store's keys. */
export function givenDisconnected(t: CaseContext, id: string) {
  return t.given('DisconnectCustomKeyStore disconnects the store', () => storeKms(t).send(new DisconnectCustomKeyStoreCommand({ CustomKeyStoreId: id })), {
    coveredBy: 'custom-key-store.disconnect-then-disconnected',
  });
}

/** A CONNECTED CloudHSM key store on a fixture cluster and a KMS key in it (prerequisites). */
export async function cloudHsmKey(t: CaseContext) {
  const f = await fixtures(t);
  const kms = storeKms(t);
  const id = await givenConnectedStore(t, cloudHsmInput(t, f));
  const key = await givenStoreKey(t, id, { Origin: 'AWS_CLOUDHSM' });
  return { f, kms, id, key: key as KeyMetadata & { KeyId: string; Arn: string } };
}

/**
 * A case that makes custom key stores: it needs the fixtures (the endpoint's clusters and proxy:
 * elsewhere it is skipped) and has 60 s (connecting a store polls until it settles).
 */
export function storeCase(c: Omit<ConformanceCase, 'needs' | 'timeoutMs'>): ConformanceCase {
  const { run, ...about } = c;
  return defineCase({ ...about, needs: ['key-store-fixtures'], timeoutMs: 60_000, run });
}

/** What a case factory of this module is told about its case, as the case says it. */
type About = Pick<ConformanceCase, 'id' | 'title' | 'doc' | 'source' | 'tags'>;

/** The type of a custom key store (CreateCustomKeyStore's CustomKeyStoreType). */
export type StoreType = 'AWS_CLOUDHSM' | 'EXTERNAL_KEY_STORE';

/** CreateCustomKeyStore input of a store of `type` on the fixtures. */
const storeInput = (t: CaseContext, f: Fixtures, type: StoreType) => (type === 'AWS_CLOUDHSM' ? cloudHsmInput(t, f) : xksInput(f));

/** A case: CreateKey in a CONNECTED store of `type`, with `input` on top of a valid request, is refused. */
export interface StoreKeyRefusal extends About {
  type: StoreType;
  /** What differs from a valid request (Origin of the store's type; an external key for an external key store). */
  input: Partial<CreateKeyCommandInput>;
  /** The code of the refusal (HTTP 400). */
  code: string;
}

/** The case of a {@link StoreKeyRefusal}: refused with its code, and no KMS key left in the store. */
export function storeKeyRefusalCase({ type, input, code, ...about }: StoreKeyRefusal): ConformanceCase {
  return storeCase({
    ...about,
    ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'CreateKey', 'ListKeys', 'DescribeKey'],
    async run(t) {
      const f = await fixtures(t);
      const kms = storeKms(t);
      const id = await connectedStore(t, storeInput(t, f, type));
      const valid: CreateKeyCommandInput =
        type === 'AWS_CLOUDHSM' ? { CustomKeyStoreId: id, Origin: 'AWS_CLOUDHSM' } : { CustomKeyStoreId: id, Origin: 'EXTERNAL_KEY_STORE', XksKeyId: f.Xks.KeyIds[0] };
      await t.expectError(kms.send(new CreateKeyCommand({ ...valid, ...input })), { code, status: 400 });
      for (const k of (await kms.send(new ListKeysCommand({}))).Keys ?? []) {
        const key = (await kms.send(new DescribeKeyCommand({ KeyId: k.KeyId }))).KeyMetadata;
        t.check(key?.CustomKeyStoreId !== id, `the refused CreateKey made no KMS key in ${id}`, key);
      }
    },
  });
}

/** A case: CreateCustomKeyStore with `input` is refused with `code` (HTTP 400). */
export interface CreateStoreRefusal extends Omit<About, 'tags'> {
  /** A store created first, as a prerequisite: the one the refused request collides with. */
  existing?: (t: CaseContext, f: Fixtures) => Record<string, unknown>;
  /** The refused request. */
  input: (t: CaseContext, f: Fixtures) => CreateCustomKeyStoreCommandInput;
  code: string;
}

/** The case of a {@link CreateStoreRefusal}. */
export function createStoreRefusalCase({ existing, input, code, ...about }: CreateStoreRefusal): ConformanceCase {
  return storeCase({
    ...about,
    tags: ['custom-key-store'],
    ops: ['CreateCustomKeyStore'],
    async run(t) {
      const f = await fixtures(t);
      if (existing) await givenStore(t, existing(t, f));
      await t.expectError(storeKms(t).send(new CreateCustomKeyStoreCommand(input(t, f))), { code, status: 400 });
    },
  });
}

/**
 * The state a store is put in, by prerequisites, before the call a case checks: DISCONNECTED (new,
 * never connected; or, with a key, connected, given the key, then disconnected), CONNECTED, or
 * FAILED (a CloudHSM key store whose kmsuser password is wrong, after a connection attempt).
 */
export type StoreState = 'DISCONNECTED' | 'CONNECTED' | 'FAILED';

/** A case: `call` on a store of `type` in `state` is refused with `code` (HTTP 400). */
export interface StoreCallRefusal extends About {
  type: StoreType;
  state: StoreState;
  /** CreateKey input of a KMS key the store is given first (a prerequisite), if any. */
  key?: (f: Fixtures) => Record<string, unknown>;
  /** The operation `call` sends. */
  op: OperationName;
  call: (kms: KMSClient, id: string, f: Fixtures) => Promise<unknown>;
  code: string;
}

/** The operations that put a store in `state` (with a key, if `key`). */
function setupOps(state: StoreState, key: boolean): OperationName[] {
  if (state === 'DISCONNECTED' && !key) return ['CreateCustomKeyStore'];
  const ops: OperationName[] = ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores'];
  if (key) ops.push('CreateKey');
  if (state === 'DISCONNECTED') ops.push('DisconnectCustomKeyStore');
  return ops;
}

/** A store of `type` put in `state` (given the key `key`, if any), all as prerequisites. */
async function givenStoreIn(t: CaseContext, f: Fixtures, { type, state, key }: Pick<StoreCallRefusal, 'type' | 'state' | 'key'>): Promise<string> {
  if (state === 'FAILED') {
    const id = await givenStore(t, wrongPasswordInput(t, f));
    await t.given(
      'ConnectCustomKeyStore with a wrong kmsuser password leaves the store FAILED',
      async () => t.expectEqual((await connectStore(t, id)).ConnectionState, 'FAILED', 'ConnectionState'),
      { coveredBy: 'custom-key-store.connect-wrong-password-failed' },
    );
    return id;
  }
  if (state === 'DISCONNECTED' && !key) return givenStore(t, storeInput(t, f, type));
  const id = await givenConnectedStore(t, storeInput(t, f, type));
  if (key) await givenStoreKey(t, id, key(f));
  if (state === 'DISCONNECTED') await givenDisconnected(t, id);
  return id;
}

/** The case of a {@link StoreCallRefusal}. */
export function storeCallRefusalCase({ type, state, key, op, call, code, ...about }: StoreCallRefusal): ConformanceCase {
  if (state === 'FAILED' && type !== 'AWS_CLOUDHSM') throw new Error(`${about.id}: only a CloudHSM key store is made FAILED (a wrong kmsuser password)`);
  return storeCase({
    ...about,
    ops: [...new Set([...setupOps(state, key !== undefined), op])],
    async run(t) {
      const f = await fixtures(t);
      const id = await givenStoreIn(t, f, { type, state, key });
      await t.expectError(call(storeKms(t), id, f), { code, status: 400 });
    },
  });
}
