/**
 * SigV4 signing for requests the SDK will not send (raw protocol cases, control calls,
 * pre-signed load requests), using @smithy/signature-v4 with Node's own SHA-256.
 *
 * @module
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

type SourceData = string | ArrayBuffer | ArrayBufferView;

const toBinary = (data: SourceData): string | Buffer =>
  typeof data === 'string'
    ? data
    : data instanceof ArrayBuffer
      ? Buffer.from(data)
      : Buffer.from(data.buffer, data.byteOffset, data.byteLength);

/** SHA-256 / HMAC-SHA-256 in the shape @smithy/signature-v4 expects. */
export class NodeSha256 {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', toBinary(secret));
  }
  update(data: SourceData): void {
    this.hash.update(toBinary(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.secret === undefined ? createHash('sha256') : createHmac('sha256', toBinary(this.secret));
  }
}

export function signer(region: string, credentials: Credentials, service = 'kms'): SignatureV4 {
  return new SignatureV4({ service, region, credentials, sha256: NodeSha256, uriEscapePath: true, applyChecksum: false });
}

export interface SignedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | Buffer;
}

/** Signs an AWS JSON 1.1 call `<targetPrefix>.<operation>` to `endpoint`. */
export async function signJsonRequest(args: {
  endpoint: string;
  region: string;
  credentials: Credentials;
  target: string;
  body: string | Buffer;
  extraHeaders?: Record<string, string>;
  signingDate?: Date;
  /** HTTP method to sign (default POST; other methods only for protocol tests). */
  method?: string;
  /** Service in the credential scope (default `kms`). */
  service?: string;
}): Promise<SignedRequest> {
  const url = new URL(args.endpoint);
  const headers: Record<string, string> = {
    host: url.host,
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': args.target,
    ...args.extraHeaders,
  };
  const method = args.method ?? 'POST';
  const signed = await signer(args.region, args.credentials, args.service).sign(
    {
      method,
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: url.pathname || '/',
      query: {},
      headers,
      body: args.body,
    },
    { signingDate: args.signingDate },
  );
  return { url: url.toString(), method, headers: signed.headers as Record<string, string>, body: args.body };
}
