/**
 * The KMS side of the XKS proxy API (https://github.com/aws/aws-kms-xksproxy-api-spec/blob/main/xks_proxy_api_spec.md):
 * SigV4-signed JSON POSTs to `<XksProxyUriEndpoint><XksProxyUriPath>/health` and
 * `.../keys/<externalKeyId>/{metadata,encrypt,decrypt}`, with every response checked as the spec
 * requires before it is believed:
 * - health: `xksProxyFleetSize` an integer > 0, vendor/model strings, 1..10 `ekmFleetDetails`
 *   with healthStatus ACTIVE | DEGRADED | UNAVAILABLE;
 * - encrypt: ciphertext as long as the plaintext, a 12- or 16-byte IV, a 16-byte tag, at most 20
 *   bytes of ciphertextMetadata, and — KMS always asks for one here (`SHA_256`) — the Ciphertext
 *   Data Integrity Value recomputed over AAD ‖ metadata ‖ IV ‖ ciphertext ‖ tag ("KMS will
 *   independently calculate the CDIV and return an error to the caller if the computed value does
 *   not match");
 * - decrypt: plaintext as long as the ciphertext.
 * Anything else is `malformed` (XksProxyInvalidResponseException / XKS_PROXY_INVALID_RESPONSE);
 * an error status with a JSON `errorName` is a `proxy` failure; no connection, TLS trouble and
 * socket timeouts are told apart (see xks-errors.ts for what each becomes).
 *
 * Transport: the endpoint is `https://host` on port 443 (the API reference: "KMS communicates on
 * port 443"). `resolve` maps an endpoint to the URL actually dialled, so a store created with
 * `https://xks.example.test` can reach a local proxy at `http://127.0.0.1:PORT` in tests and local
 * runs. Timeout: 250 ms by default ("If KMS does not receive a response from the XKS proxy for any
 * API call within 250ms, KMS will time out").
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { signXksRequest } from './sigv4-sign.js';
import { XksCallError, type XksEncrypted, type XksHealth, type XksKeyMetadata, type XksProxyApi, type XksRequestMetadata, type XksTarget } from './types.js';

export const XKS_DEFAULT_TIMEOUT_MS = 250;
const MAX_RESPONSE_BYTES = 64 * 1024;

export interface XksClientOptions {
  /** Per-call timeout. Default 250 ms (the spec's KMS timeout). */
  readonly timeoutMs?: number;
  /** The base URL to dial for an XksProxyUriEndpoint. Default: the endpoint itself. */
  readonly resolve?: (uriEndpoint: string) => string;
  /** Wall clock for X-Amz-Date. */
  readonly now?: () => number;
  /** Extra TLS options for https (e.g. a private CA for a test proxy). */
  readonly ca?: string | Buffer;
}

const TLS_CODES = /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_OSSL|HOSTNAME_MISMATCH)/u;
const b64 = (b: Buffer): string => b.toString('base64');
const fail = (kind: 'malformed' | 'invalid-ciphertext' | 'unreachable' | 'timeout' | 'tls'): never => {
  throw new XksCallError({ kind });
};

function strictB64(v: unknown): Buffer {
  if (typeof v !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/u.test(v) || v.length % 4 !== 0) return fail('malformed');
  return Buffer.from(v, 'base64');
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

export class HttpXksProxyClient implements XksProxyApi {
  constructor(private readonly options: XksClientOptions = {}) {}

  private async post(target: XksTarget, suffix: string, body: object): Promise<Record<string, unknown>> {
    const { settings } = target;
    const base = new URL((this.options.resolve ?? ((e: string) => e))(settings.uriEndpoint));
    const path = `${base.pathname.replace(/\/$/u, '')}${settings.uriPath}${suffix}`;
    const payload = Buffer.from(JSON.stringify(body), 'utf8');
    const auth = signXksRequest({
      host: base.host,
      path,
      body: payload,
      accessKeyId: settings.accessKeyId,
      secretAccessKey: settings.rawSecretAccessKey,
      region: target.region,
      nowMs: (this.options.now ?? Date.now)(),
    });
    const { status, text } = await this.send(base, path, payload, auth);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return fail('malformed');
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail('malformed');
    const obj = json as Record<string, unknown>;
    if (status === 200) return obj;
    if (isString(obj.errorName)) throw new XksCallError({ kind: 'proxy', status, errorName: obj.errorName });
    return fail('malformed');
  }

  private send(base: URL, path: string, payload: Buffer, auth: Record<string, string>): Promise<{ status: number; text: string }> {
    const timeoutMs = this.options.timeoutMs ?? XKS_DEFAULT_TIMEOUT_MS;
    const https = base.protocol === 'https:';
    return new Promise((resolve, reject) => {
      const req = (https ? httpsRequest : httpRequest)(
        {
          protocol: base.protocol,
          hostname: base.hostname,
          port: base.port || (https ? 443 : 80),
          method: 'POST',
          path,
          headers: { host: base.host, 'content-type': 'application/json', 'content-length': payload.length, ...auth },
          ...(https && this.options.ca ? { ca: this.options.ca } : {}),
        },
        (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (c: Buffer) => {
            size += c.length;
            if (size > MAX_RESPONSE_BYTES) req.destroy(new XksCallError({ kind: 'malformed' }));
            else chunks.push(c);
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', (e) => reject(e));
        },
      );
      req.setTimeout(timeoutMs, () => req.destroy(new XksCallError({ kind: 'timeout' })));
      req.on('error', (e: Error & { code?: string }) => {
        if (e instanceof XksCallError) reject(e);
        else if (e.code && TLS_CODES.test(e.code)) reject(new XksCallError({ kind: 'tls' }));
        else reject(new XksCallError({ kind: 'unreachable' }));
      });
      req.end(payload);
    });
  }

  async health(target: XksTarget, meta: XksRequestMetadata): Promise<XksHealth> {
    const r = await this.post(target, '/health', { requestMetadata: meta });
    const fleet = r.ekmFleetDetails;
    const okFleet =
      Array.isArray(fleet) &&
      fleet.length >= 1 &&
      fleet.length <= 10 &&
      fleet.every(
        (f: unknown) =>
          typeof f === 'object' &&
          f !== null &&
          isString((f as Record<string, unknown>).id) &&
          isString((f as Record<string, unknown>).model) &&
          ['ACTIVE', 'DEGRADED', 'UNAVAILABLE'].includes((f as Record<string, unknown>).healthStatus as string),
      );
    const size = r.xksProxyFleetSize;
    if (!okFleet || !Number.isInteger(size) || (size as number) < 1 || !isString(r.xksProxyVendor) || !isString(r.xksProxyModel) || !isString(r.ekmVendor)) {
      return fail('malformed');
    }
    return r as unknown as XksHealth;
  }

  async keyMetadata(target: XksTarget, externalKeyId: string, meta: XksRequestMetadata): Promise<XksKeyMetadata> {
    const r = await this.post(target, `/keys/${encodeURIComponent(externalKeyId)}/metadata`, { requestMetadata: meta });
    if (!isString(r.keySpec) || !isString(r.keyStatus) || !Array.isArray(r.keyUsage) || r.keyUsage.length > 10 || !r.keyUsage.every(isString)) {
      return fail('malformed');
    }
    return { keySpec: r.keySpec, keyStatus: r.keyStatus, keyUsage: r.keyUsage as string[] };
  }

  async encrypt(target: XksTarget, externalKeyId: string, plaintext: Buffer, aad: Buffer | undefined, meta: XksRequestMetadata): Promise<XksEncrypted> {
    const body: Record<string, unknown> = { requestMetadata: meta, plaintext: b64(plaintext), encryptionAlgorithm: 'AES_GCM', ciphertextDataIntegrityValueAlgorithm: 'SHA_256' };
    if (aad !== undefined) body.additionalAuthenticatedData = b64(aad);
    const r = await this.post(target, `/keys/${encodeURIComponent(externalKeyId)}/encrypt`, body);
    const ciphertext = strictB64(r.ciphertext);
    const iv = strictB64(r.initializationVector);
    const tag = strictB64(r.authenticationTag);
    const md = r.ciphertextMetadata === undefined ? undefined : strictB64(r.ciphertextMetadata);
    if (ciphertext.length !== plaintext.length || (iv.length !== 12 && iv.length !== 16) || tag.length !== 16 || (md !== undefined && md.length > 20)) {
      return fail('malformed');
    }
    const cdiv = strictB64(r.ciphertextDataIntegrityValue);
    const expected = createHash('sha256')
      .update(Buffer.concat([aad ?? Buffer.alloc(0), md ?? Buffer.alloc(0), iv, ciphertext, tag]))
      .digest();
    if (!cdiv.equals(expected)) return fail('invalid-ciphertext');
    return md === undefined
      ? { ciphertext, initializationVector: iv, authenticationTag: tag }
      : { ciphertext, initializationVector: iv, authenticationTag: tag, ciphertextMetadata: md };
  }

  async decrypt(target: XksTarget, externalKeyId: string, e: XksEncrypted, aad: Buffer | undefined, meta: XksRequestMetadata): Promise<Buffer> {
    const body: Record<string, unknown> = {
      requestMetadata: meta,
      ciphertext: b64(e.ciphertext),
      encryptionAlgorithm: 'AES_GCM',
      initializationVector: b64(e.initializationVector),
      authenticationTag: b64(e.authenticationTag),
    };
    if (e.ciphertextMetadata !== undefined) body.ciphertextMetadata = b64(e.ciphertextMetadata);
    if (aad !== undefined) body.additionalAuthenticatedData = b64(aad);
    const r = await this.post(target, `/keys/${encodeURIComponent(externalKeyId)}/decrypt`, body);
    const plaintext = strictB64(r.plaintext);
    if (plaintext.length !== e.ciphertext.length) return fail('malformed');
    return plaintext;
  }
}
