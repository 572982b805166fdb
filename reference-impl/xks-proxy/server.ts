/**
 * The reference XKS proxy: the published External Key Store Proxy API v1
 * (https://github.com/aws/aws-kms-xksproxy-api-spec/blob/main/xks_proxy_api_spec.md) over
 * node:http, in front of an {@link ExternalKeyManager} (a SoftHSM2 token or software keys).
 *
 * - `POST <uriPath>/health`, `POST <uriPath>/keys/<externalKeyId>/{metadata,encrypt,decrypt}`;
 *   a GET (any non-POST) to one of them is 405 ("MUST reject the request with a 405 Method Not
 *   Allowed"), any other path 404 InvalidUriPathException.
 * - SigV4 with service `kms-xks-proxy` (Appendix A), verified by reference-impl/auth's
 *   `verifySigV4` against the configured credentials (several at once, for rotation); failures are
 *   401 AuthenticationFailedException. Requests more than 5 minutes off fail, as the spec asks.
 * - Errors: `{"errorName": ..., "errorMessage": ...}` with the spec's status codes.
 * - Encrypt: AES-GCM in the key manager with a 12-byte IV; `ciphertextMetadata` is one byte
 *   (format 1) and, as the spec requires, is authenticated: the key manager's AAD is
 *   `u16be(len aad) ‖ aad ‖ u8(len metadata) ‖ metadata`. When asked (`SHA_256`), the CDIV is
 *   computed over aad ‖ metadata ‖ iv ‖ ciphertext ‖ tag, then the result is test-decrypted before
 *   it is returned (Appendix C's order).
 * - Plaintext, ciphertext and AAD up to 64 KiB (the spec's minimums are 4300 and 8192 bytes);
 *   larger is 501 UnsupportedOperationException. Nothing secret is logged; there is no logging.
 *
 * TLS: the proxy listens on plain HTTP on the loopback interface by default; KMS dials it through
 * the client's `resolve` option (backends/xks-client.ts). Put a TLS terminator in front for
 * anything else.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CredentialLookup, CredentialRecord } from '../auth/credentials.js';
import { verifySigV4 } from '../auth/sigv4.js';
import { XKS_SERVICE } from '../keystores/backends/sigv4-sign.js';
import { CiphertextRejected } from '../keystores/backends/types.js';
import type { ExternalKeyManager } from './ekm.js';

export interface XksProxyCredential {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export interface XksProxyOptions {
  readonly ekm: ExternalKeyManager;
  readonly credentials: readonly XksProxyCredential[];
  /** `[/prefix]/kms/xks/v1`. Default `/kms/xks/v1`. */
  readonly uriPath?: string;
  /** Default 0 (any free port). */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** For tests. */
  readonly now?: () => number;
}

export interface RunningXksProxy {
  /** `http://host:port` */
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  close(): Promise<void>;
}

const MAX_BODY = 256 * 1024;
const MAX_DATA = 64 * 1024;
const CIPHERTEXT_METADATA = Buffer.from([0x01]);

class XksError extends Error {
  constructor(
    readonly status: number,
    readonly errorName: string,
    message: string,
  ) {
    super(message);
  }
}

const validation = (m: string) => new XksError(400, 'ValidationException', m);
const invalidCiphertext = () =>
  new XksError(400, 'InvalidCiphertextException', 'The request was rejected because the specified ciphertext, or additional authenticated data is corrupted, missing, or otherwise invalid.');

function lookupFor(credentials: readonly XksProxyCredential[]): CredentialLookup {
  const map = new Map<string, CredentialRecord>(
    credentials.map((c) => [
      c.accessKeyId,
      { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: undefined, principal: { accountId: '', arn: `xks:${c.accessKeyId}`, accessKeyId: c.accessKeyId } },
    ]),
  );
  return { lookup: (id) => map.get(id) };
}

function b64(body: Record<string, unknown>, name: string, required: boolean): Buffer | undefined {
  const v = body[name];
  if (v === undefined && !required) return undefined;
  if (typeof v !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/u.test(v) || v.length % 4 !== 0) throw validation(`${name} must be a Base64 string`);
  const b = Buffer.from(v, 'base64');
  if (b.length > MAX_DATA) throw new XksError(501, 'UnsupportedOperationException', `${name} is larger than this proxy supports`);
  return b;
}

function requestMetadata(body: Record<string, unknown>, fields: readonly string[]): void {
  const m = body.requestMetadata;
  if (typeof m !== 'object' || m === null || Array.isArray(m)) throw validation('requestMetadata is required');
  for (const f of fields) if (typeof (m as Record<string, unknown>)[f] !== 'string') throw validation(`requestMetadata.${f} is required`);
}

/** The key manager's AAD: u16be(len aad) ‖ aad ‖ u8(len metadata) ‖ metadata. */
function ekmAad(aad: Buffer | undefined, md: Buffer | undefined): Buffer {
  const a = aad ?? Buffer.alloc(0);
  const m = md ?? Buffer.alloc(0);
  const len = Buffer.alloc(2);
  len.writeUInt16BE(a.length);
  return Buffer.concat([len, a, Buffer.from([m.length]), m]);
}

async function keyFor(ekm: ExternalKeyManager, id: string, usage?: 'ENCRYPT' | 'DECRYPT') {
  const info = await ekm.describeKey(id);
  if (!info) throw new XksError(404, 'KeyNotFoundException', 'The request was rejected because the specified external key is not found.');
  // GetKeyMetadata reports a disabled key (keyStatus DISABLED); Encrypt/Decrypt refuse it.
  if (usage && !info.enabled) throw new XksError(400, 'InvalidStateException', 'The specified external key is disabled.');
  if (usage && (info.keySpec !== 'AES_256' || !info.usage.includes(usage))) {
    throw new XksError(400, 'InvalidKeyUsageException', 'The specified key does not support the requested operation.');
  }
  return info;
}

type Route = { op: 'health' } | { op: 'metadata' | 'encrypt' | 'decrypt'; keyId: string };

function route(path: string, uriPath: string): Route | undefined {
  if (!path.startsWith(`${uriPath}/`)) return undefined;
  const rest = path.slice(uriPath.length + 1).split('/');
  if (rest.length === 1 && rest[0] === 'health') return { op: 'health' };
  if (rest.length === 3 && rest[0] === 'keys' && /^[A-Za-z0-9._-]{1,128}$/u.test(rest[1]!) && ['metadata', 'encrypt', 'decrypt'].includes(rest[2]!)) {
    return { op: rest[2] as 'metadata' | 'encrypt' | 'decrypt', keyId: rest[1]! };
  }
  return undefined;
}

async function handle(r: Route, body: Record<string, unknown>, ekm: ExternalKeyManager): Promise<object> {
  if (r.op === 'health') {
    requestMetadata(body, ['kmsRequestId', 'kmsOperation']);
    const status = await ekm.health();
    return { xksProxyFleetSize: 1, xksProxyVendor: 'kmsbench', xksProxyModel: 'kmsbench reference XKS proxy 1.0', ekmVendor: ekm.vendor, ekmFleetDetails: [{ id: 'ekm-1', model: ekm.model, healthStatus: status }] };
  }
  if (r.op === 'metadata') {
    requestMetadata(body, ['awsPrincipalArn', 'kmsOperation', 'kmsRequestId']);
    const info = await keyFor(ekm, r.keyId);
    return { keySpec: info.keySpec, keyUsage: info.usage, keyStatus: info.enabled ? 'ENABLED' : 'DISABLED' };
  }
  requestMetadata(body, ['awsPrincipalArn', 'kmsKeyArn', 'kmsOperation', 'kmsRequestId']);
  if (body.encryptionAlgorithm !== 'AES_GCM') throw validation('encryptionAlgorithm must be AES_GCM');
  const aad = b64(body, 'additionalAuthenticatedData', false);
  if (r.op === 'encrypt') {
    const plaintext = b64(body, 'plaintext', true)!;
    const cdivAlgorithm = body.ciphertextDataIntegrityValueAlgorithm;
    if (cdivAlgorithm !== undefined && cdivAlgorithm !== 'SHA_256') throw validation('ciphertextDataIntegrityValueAlgorithm must be SHA_256');
    await keyFor(ekm, r.keyId, 'ENCRYPT');
    const fullAad = ekmAad(aad, CIPHERTEXT_METADATA);
    const { iv, ciphertext, tag } = await ekm.encrypt(r.keyId, plaintext, fullAad);
    const out: Record<string, string> = {
      ciphertext: ciphertext.toString('base64'),
      ciphertextMetadata: CIPHERTEXT_METADATA.toString('base64'),
      initializationVector: iv.toString('base64'),
      authenticationTag: tag.toString('base64'),
    };
    if (cdivAlgorithm === 'SHA_256') {
      out.ciphertextDataIntegrityValue = createHash('sha256')
        .update(Buffer.concat([aad ?? Buffer.alloc(0), CIPHERTEXT_METADATA, iv, ciphertext, tag]))
        .digest('base64');
      // Appendix C: prove the output decrypts before returning it.
      const back = await ekm.decrypt(r.keyId, iv, ciphertext, tag, fullAad);
      if (!back.equals(plaintext)) throw new XksError(500, 'InternalException', 'The encryption result did not verify.');
    }
    return out;
  }
  const ciphertext = b64(body, 'ciphertext', true)!;
  const iv = b64(body, 'initializationVector', true)!;
  const tag = b64(body, 'authenticationTag', true)!;
  const md = b64(body, 'ciphertextMetadata', false);
  await keyFor(ekm, r.keyId, 'DECRYPT');
  if ((iv.length !== 12 && iv.length !== 16) || tag.length !== 16 || (md?.length ?? 0) > 20) throw invalidCiphertext();
  try {
    return { plaintext: (await ekm.decrypt(r.keyId, iv, ciphertext, tag, ekmAad(aad, md))).toString('base64') };
  } catch (e) {
    if (e instanceof CiphertextRejected) throw invalidCiphertext();
    throw e;
  }
}

function send(res: ServerResponse, status: number, body?: object): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new XksError(501, 'UnsupportedOperationException', 'The request is larger than this proxy supports.'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function startXksProxy(options: XksProxyOptions): Promise<RunningXksProxy> {
  const uriPath = options.uriPath ?? '/kms/xks/v1';
  const credentials = lookupFor(options.credentials);
  const now = options.now ?? Date.now;
  const server = createServer((req, res) => {
    const rawUrl = req.url ?? '/';
    const path = rawUrl.split('?')[0]!;
    const r = route(path, uriPath);
    void (async () => {
      try {
        if (!r) throw new XksError(404, 'InvalidUriPathException', 'The request was rejected because the specified URI path is not valid.');
        if (req.method !== 'POST') {
          res.setHeader('allow', 'POST');
          throw new XksError(405, 'ValidationException', 'Only POST is supported.');
        }
        const body = await readBody(req);
        try {
          verifySigV4({ method: req.method, rawUrl, headers: req.headers, body }, credentials, now(), { service: XKS_SERVICE });
        } catch {
          throw new XksError(401, 'AuthenticationFailedException', 'The request was rejected due to an invalid AWS SigV4 signature.');
        }
        let json: unknown;
        try {
          json = JSON.parse(body.toString('utf8'));
        } catch {
          throw validation('The request body is not JSON.');
        }
        if (typeof json !== 'object' || json === null || Array.isArray(json)) throw validation('The request body is not a JSON object.');
        send(res, 200, await handle(r, json as Record<string, unknown>, options.ekm));
      } catch (e) {
        const err = e instanceof XksError ? e : new XksError(500, 'InternalException', 'The external key manager failed.');
        send(res, err.status, { errorName: err.errorName, errorMessage: err.message });
      }
    })();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      const { port, address } = server.address() as AddressInfo;
      resolve({
        url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
        port,
        server,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
