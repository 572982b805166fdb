/**
 * Per-operation requests for load runs: the fixture they need on the target (keys, ciphertexts),
 * the JSON body of each operation (from the body table in request-bodies.ts, which the capacity
 * planner's replay and the k6 exporter use too), and pre-signed raw templates. The SDK
 * equivalents are in sdk.ts.
 *
 * @module
 */
import { call, type RawReply } from '../client/raw-client.js';
import { signJsonRequest, type Credentials } from '../client/sign.js';
import type { RawTemplate } from './open-loop.js';
import { requestBody as bodyOf, valuesOf } from './request-bodies.js';
import { operationLabel, type LoadOperation, type OperationSpec, type OperationSpecInput } from './request-mix.js';

export interface Endpoint {
  url: string;
  region: string;
  credentials: Credentials;
}

/** What the requests refer to on the target. */
export interface Fixture {
  /** Key for Encrypt, GenerateDataKey*, DescribeKey, Decrypt. */
  keyId: string;
  /** Destination key of ReEncrypt. */
  destinationKeyId: string;
  /** Ciphertext (base64) per operation label, for Decrypt and ReEncrypt. */
  ciphertexts: Record<string, string>;
  /** Keys this fixture created (to schedule for deletion afterwards). */
  createdKeys: string[];
}

export const target = (operation: LoadOperation | string): string => `TrentService.${operation}`;

/** Deterministic plaintext of `n` bytes. */
export const plaintextOf = (n: number): Buffer => Buffer.alloc(n, 0x6b);

/** A spec with its defaults filled in. */
export function normalizeSpec(spec: OperationSpecInput): OperationSpec & { label: string } {
  return { weight: 1, ...spec, label: operationLabel(spec) };
}

const needsCiphertext = (op: LoadOperation) => op === 'Decrypt' || op === 'ReEncrypt';

class SetupError extends Error {
  override readonly name = 'SetupError';
}

async function kmsCall(endpoint: Endpoint, operation: string, body: object): Promise<Record<string, unknown>> {
  let reply: RawReply | undefined;
  // Control-plane quotas are low (CreateKey 5/s): back off on throttling during set-up.
  for (let attempt = 0; attempt < 6; attempt++) {
    reply = await call({ endpoint: endpoint.url, region: endpoint.region, credentials: endpoint.credentials, target: target(operation), body });
    if (reply.errorCode !== 'ThrottlingException') break;
    await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
  }
  if (!reply || reply.status !== 200) {
    throw new SetupError(`${operation} failed during set-up: HTTP ${reply?.status} ${reply?.errorCode ?? ''} ${reply?.errorMessage ?? reply?.text.slice(0, 200) ?? ''}`.trim());
  }
  return reply.json as Record<string, unknown>;
}

/**
 * Creates (or reuses, given `keyIds`) the keys and ciphertexts the specs need. Created keys are
 * symmetric encryption keys described as `kmsbench load`.
 */
export async function prepareFixture(endpoint: Endpoint, specs: readonly OperationSpecInput[], options: { keyIds?: string[] } = {}): Promise<Fixture> {
  const createdKeys: string[] = [];
  const key = async (given: string | undefined): Promise<string> => {
    if (given) return given;
    const r = await kmsCall(endpoint, 'CreateKey', { Description: 'kmsbench load', Tags: [{ TagKey: 'kmsbench', TagValue: 'load' }] });
    const id = (r.KeyMetadata as { KeyId: string }).KeyId;
    createdKeys.push(id);
    return id;
  };
  const keyId = await key(options.keyIds?.[0]);
  const destinationKeyId = specs.some((s) => s.operation === 'ReEncrypt') ? await key(options.keyIds?.[1]) : (options.keyIds?.[1] ?? keyId);
  const ciphertexts: Record<string, string> = {};
  for (const spec of specs) {
    if (!needsCiphertext(spec.operation)) continue;
    const label = operationLabel(spec);
    const r = await kmsCall(
      endpoint,
      'Encrypt',
      bodyOf(
        'Encrypt',
        { ...(spec.plaintextBytes !== undefined ? { plaintextBytes: spec.plaintextBytes } : {}), ...(spec.encryptionContext ? { encryptionContext: spec.encryptionContext } : {}) },
        valuesOf({ keyId, plaintext: (n) => plaintextOf(n).toString('base64') }),
      ),
    );
    ciphertexts[label] = r.CiphertextBlob as string;
  }
  return { keyId, destinationKeyId, ciphertexts, createdKeys };
}

/** Schedules the fixture's created keys for deletion (7 days, the shortest window). */
export async function cleanupFixture(endpoint: Endpoint, fixture: Fixture): Promise<void> {
  for (const id of fixture.createdKeys) {
    try {
      await kmsCall(endpoint, 'ScheduleKeyDeletion', { KeyId: id, PendingWindowInDays: 7 });
    } catch {
      // best effort
    }
  }
}

/** The AWS JSON 1.1 body of one operation of a request mix (blobs base64; request-bodies.ts). */
export function requestBody(spec: OperationSpecInput, fixture: Pick<Fixture, 'keyId' | 'destinationKeyId' | 'ciphertexts'>): Record<string, unknown> {
  let ciphertext: string | undefined;
  if (needsCiphertext(spec.operation)) {
    ciphertext = fixture.ciphertexts[operationLabel(spec)];
    if (!ciphertext) throw new SetupError(`no ciphertext prepared for '${operationLabel(spec)}'`);
  }
  return bodyOf(
    spec.operation,
    {
      ...(spec.plaintextBytes !== undefined ? { plaintextBytes: spec.plaintextBytes } : {}),
      ...(spec.numberOfBytes !== undefined ? { numberOfBytes: spec.numberOfBytes } : {}),
      ...(spec.keySpec !== undefined ? { dataKeySpec: spec.keySpec } : {}),
      ...(spec.encryptionContext ? { encryptionContext: spec.encryptionContext } : {}),
    },
    valuesOf({ keyId: fixture.keyId, destinationKeyId: fixture.destinationKeyId, plaintext: (n) => plaintextOf(n).toString('base64'), ...(ciphertext ? { ciphertext } : {}) }),
  );
}

/** A pre-signed request for the raw client. */
export async function rawTemplate(endpoint: Endpoint, spec: OperationSpecInput, fixture: Fixture): Promise<RawTemplate> {
  const body = JSON.stringify(requestBody(spec, fixture));
  const t = target(spec.operation);
  const signed = await signJsonRequest({ endpoint: endpoint.url, region: endpoint.region, credentials: endpoint.credentials, target: t, body });
  return { operation: operationLabel(spec), headers: signed.headers, body, target: t };
}

/** Mean cost of signing one request (µs), measured over `n` signatures of `spec`'s body. */
export async function signingCostUs(endpoint: Endpoint, spec: OperationSpecInput, fixture: Fixture, n = 200): Promise<number> {
  const body = JSON.stringify(requestBody(spec, fixture));
  const args = { endpoint: endpoint.url, region: endpoint.region, credentials: endpoint.credentials, target: target(spec.operation), body };
  for (let i = 0; i < 20; i++) await signJsonRequest(args);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await signJsonRequest(args);
  return ((performance.now() - t0) * 1000) / n;
}
