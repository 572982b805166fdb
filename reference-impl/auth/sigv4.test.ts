import { createHash, createHmac, type BinaryLike } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import type { IncomingHttpHeaders } from 'node:http';
import { SignatureV4 } from '@smithy/signature-v4';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKmsError, type KmsError } from '../errors.js';
import { CredentialStore } from './credentials.js';
import { formatAmzDate, parseAmzDate } from '../sigv4/amz-date.js';
import { canonicalizePath } from '../sigv4/uri-encoding.js';
import { parseSignedHeaders } from './canonical-request.js';
import { FixedKeyHmac } from './signing-key.js';
import { verifySigV4, type SigV4Request } from './sigv4.js';
import { parseCanonicalLayout, tokenizeAuthorization } from './sigv4-parameters.js';

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** smithy's Hash interface on top of node:crypto. */
type SourceData = string | ArrayBuffer | ArrayBufferView;
const toBytes = (d: SourceData): BinaryLike =>
  typeof d === 'string' ? d : ArrayBuffer.isView(d) ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength) : new Uint8Array(d);

class NodeSha256 {
  readonly #h: ReturnType<typeof createHash> | ReturnType<typeof createHmac>;
  constructor(secret?: SourceData) {
    this.#h = secret === undefined ? createHash('sha256') : createHmac('sha256', toBytes(secret));
  }
  update(data: SourceData): void {
    this.#h.update(toBytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.#h.digest());
  }
  reset(): void {}
}

const NOW = Date.UTC(2024, 4, 17, 10, 30, 15); // 20240517T103015Z
const HOST = 'localhost:4599';

const store = CredentialStore.fromRecords([
  { accessKeyId: 'test', secretAccessKey: 'test', accountId: '111122223333', arn: 'arn:aws:iam::111122223333:root' },
  {
    accessKeyId: 'AKIAALICE0000000001',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    accountId: '444455556666',
    arn: 'arn:aws:iam::444455556666:user/alice',
  },
  {
    accessKeyId: 'ASIATEMP00000000001',
    secretAccessKey: 'temp-secret',
    sessionToken: 'FwoGZXIvYXdzEBYaDH0kSessionToken+/=',
    accountId: '444455556666',
    arn: 'arn:aws:sts::444455556666:assumed-role/Admin/s1',
  },
]);

interface SignArgs {
  body?: string | Buffer;
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
  region?: string;
  service?: string;
  date?: number;
  headers?: Record<string, string>;
  path?: string;
  query?: Record<string, string>;
  method?: string;
}

/** Sign like the JS SDK v3 does and return the request as Node's http server would present it. */
async function smithySigned(args: SignArgs = {}): Promise<SigV4Request> {
  const body = args.body ?? '{"KeyId":"alias/test","Plaintext":"aGVsbG8="}';
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: args.accessKeyId ?? 'test',
      secretAccessKey: args.secretAccessKey ?? 'test',
      ...(args.sessionToken ? { sessionToken: args.sessionToken } : {}),
    },
    region: args.region ?? 'us-east-1',
    service: args.service ?? 'kms',
    sha256: NodeSha256,
  });
  const bodyBuf = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  const signed = await signer.sign(
    {
      method: args.method ?? 'POST',
      protocol: 'http:',
      hostname: 'localhost',
      port: 4599,
      path: args.path ?? '/',
      query: args.query ?? {},
      headers: {
        host: HOST,
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'TrentService.Encrypt',
        'content-length': String(bodyBuf.length),
        'x-amz-user-agent': 'aws-sdk-js/3.0.0',
        'amz-sdk-invocation-id': '0f4f5b0e-7e8a-4a49-9c3d-6e1c4d5e6f70',
        'amz-sdk-request': 'attempt=1; max=1',
        ...args.headers,
      },
      body: bodyBuf,
    },
    { signingDate: new Date(args.date ?? NOW) },
  );
  const query = Object.entries(args.query ?? {})
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return nodeView(signed.method, signed.path + (query ? `?${query}` : ''), signed.headers, bodyBuf);
}

/** Lower-case names and latin1-decode values, as node:http does with the UTF-8 bytes on the wire. */
function nodeView(method: string, rawUrl: string, headers: Record<string, string>, body: Buffer): SigV4Request {
  const h: IncomingHttpHeaders = {};
  for (const [k, v] of Object.entries(headers)) h[k.toLowerCase()] = Buffer.from(v, 'utf8').toString('latin1');
  return { method, rawUrl, headers: h, body };
}

function withHeader(req: SigV4Request, name: string, value: string | undefined): SigV4Request {
  const headers: IncomingHttpHeaders = { ...req.headers };
  if (value === undefined) delete headers[name];
  else headers[name] = value;
  return { ...req, headers };
}

const authOf = (req: SigV4Request) => req.headers.authorization as string;
const withAuth = (req: SigV4Request, f: (a: string) => string) => withHeader(req, 'authorization', f(authOf(req)));

function failure(fn: () => unknown): KmsError {
  try {
    fn();
  } catch (e) {
    if (isKmsError(e)) return e;
    throw e;
  }
  throw new Error('expected verification to fail');
}

/** `fn` fails verification with `code` and exactly `message`. */
function expectFailure(fn: () => unknown, code: string, message: string): void {
  const e = failure(fn);
  expect(e.code).toBe(code);
  expect(e.message).toBe(message);
}

const verify = (req: SigV4Request, now = NOW) => verifySigV4(req, store, now);

const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

function expectMismatch(req: SigV4Request, now = NOW): void {
  const e = failure(() => verify(req, now));
  expect(e.code).toBe('InvalidSignatureException');
  expect(e.status).toBe(400);
  expect(e.message.startsWith(`${MISMATCH}\n\nThe Canonical String for this request should have been\n'`)).toBe(true);
  expect(e.message).toContain("'\n\nThe String-to-Sign should have been\n'AWS4-HMAC-SHA256\n");
}

// ---------------------------------------------------------------------------------------------
// Accepting real clients' signatures
// ---------------------------------------------------------------------------------------------

describe('verifySigV4 accepts correctly signed requests', () => {
  it('accepts an SDK-style (smithy) signed Encrypt request and names the principal', async () => {
    const req = await smithySigned();
    expect(verify(req)).toMatchObject({
      principal: { accountId: '111122223333', arn: 'arn:aws:iam::111122223333:root', accessKeyId: 'test' },
      region: 'us-east-1',
      service: 'kms',
    });
  });

  it('returns the region of the credential scope and the right principal for other keys', async () => {
    const req = await smithySigned({
      accessKeyId: 'AKIAALICE0000000001',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      region: 'eu-west-2',
    });
    const v = verify(req);
    expect(v.region).toBe('eu-west-2');
    expect(v.principal.arn).toBe('arn:aws:iam::444455556666:user/alice');
    expect(v.principal.accountId).toBe('444455556666');
  });

  it('accepts requests anywhere inside the 5 minute window', async () => {
    const req = await smithySigned();
    expect(() => verify(req, NOW + 5 * 60_000)).not.toThrow();
    expect(() => verify(req, NOW - 5 * 60_000)).not.toThrow();
  });

  it('ignores headers that were not signed (proxies add them)', async () => {
    const req = await smithySigned();
    expect(() => verify(withHeader(req, 'x-forwarded-for', '10.0.0.1'))).not.toThrow();
    expect(() => verify(withHeader(req, 'user-agent', 'something else'))).not.toThrow();
  });

  it('accepts a query string and a non-root path (canonicalised like the SDK)', async () => {
    const req = await smithySigned({ path: '/a/b%20c/', query: { 'b key': 'v/1', a: 'x~y*z', Z: '' } });
    expect(() => verify(req)).not.toThrow();
  });

  it('accepts the Date header when it carries the ISO 8601 basic timestamp and X-Amz-Date is absent', () => {
    const req = referenceSigned({ dateHeader: 'date' });
    expect(req.headers['x-amz-date']).toBeUndefined();
    expect(() => verify(req)).not.toThrow();
  });

  it('accepts parameters separated by commas only, or by spaces only', () => {
    const req = referenceSigned();
    const auth = authOf(req);
    expect(() => verify(withHeader(req, 'authorization', auth.replace(/, /g, ',')))).not.toThrow();
    expect(() => verify(withHeader(req, 'authorization', auth.replace(/, /g, ' ')))).not.toThrow();
    expect(() => verify(withHeader(req, 'authorization', auth.replace(/, /g, ' ,\t')))).not.toThrow();
  });

  it('normalises header values: trims and collapses runs of spaces and tabs', () => {
    const req = referenceSigned({ extraHeaders: { 'x-amz-meta': '  a   b \t c  ' } });
    expect(() => verify(req)).not.toThrow();
  });

  it('hashes header values as the bytes received (non-ASCII UTF-8 values)', async () => {
    const req = await smithySigned({ headers: { 'x-amz-meta-name': 'Zoë — 雪' } });
    expect(() => verify(req)).not.toThrow();
  });

  it('takes the payload hash from the body when X-Amz-Content-Sha256 is absent', async () => {
    const req = await smithySigned();
    // smithy signs x-amz-content-sha256 by default; botocore does not send it (see the botocore test).
    expect(req.headers['x-amz-content-sha256']).toBe(createHash('sha256').update(req.body).digest('hex'));
    const r2 = referenceSigned();
    expect(r2.headers['x-amz-content-sha256']).toBeUndefined();
    expect(() => verify(r2)).not.toThrow();
  });
});

// ---------------------------------------------------------------------------------------------
// AWS's own SigV4 test suite vectors (aws-sig-v4-test-suite, AKIDEXAMPLE, 20150830T123600Z).
// Only vectors whose wire form is unambiguous are used: for paths with escapes the suite shows
// the signer's single-encoded view, not what a server sees on the wire.
// ---------------------------------------------------------------------------------------------

describe('AWS SigV4 test suite vectors', () => {
  const suiteStore = CredentialStore.fromRecords([
    {
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      accountId: '111122223333',
      arn: 'arn:aws:iam::111122223333:user/example',
    },
  ]);
  const suiteNow = Date.UTC(2015, 7, 30, 12, 36, 0);
  const cases: [string, string, string, string][] = [
    ['get-vanilla', 'GET', '/', '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31'],
    ['get-vanilla-query-order-key-case', 'GET', '/?Param2=value2&Param1=value1', 'b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500'],
    ['get-vanilla-empty-query-key', 'GET', '/?Param1=value1', 'a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb'],
    ['post-vanilla', 'POST', '/', '5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b'],
    ['post-vanilla-query', 'POST', '/?Param1=value1', '28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11'],
    ['normalize-path/get-slashes', 'GET', '//example//', '9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84'],
    ['normalize-path/get-slash-pointless-dot', 'GET', '/./example', 'ef75d96142cf21edca26f06005da7988e4f8dc83a165a80865db7089db637ec5'],
  ];
  for (const [name, method, rawUrl, sig] of cases) {
    it(name, () => {
      const req: SigV4Request = {
        method,
        rawUrl,
        body: Buffer.alloc(0),
        headers: {
          host: 'example.amazonaws.com',
          'x-amz-date': '20150830T123600Z',
          authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=${sig}`,
        },
      };
      const v = verifySigV4(req, suiteStore, suiteNow, { service: 'service' });
      expect(v.principal.accessKeyId).toBe('AKIDEXAMPLE');
      const bad = { ...req, headers: { ...req.headers, authorization: (req.headers.authorization as string).replace(sig, sig.replace(/.$/, (c) => (c === '0' ? '1' : '0'))) } };
      expect(failure(() => verifySigV4(bad, suiteStore, suiteNow, { service: 'service' })).code).toBe('InvalidSignatureException');
    });
  }
});

// ---------------------------------------------------------------------------------------------
// An independent, by-the-documentation signer (no code shared with the verifier)
// ---------------------------------------------------------------------------------------------

interface RefArgs {
  accessKeyId?: string;
  secret?: string;
  region?: string;
  service?: string;
  amzDate?: string;
  body?: string;
  extraHeaders?: Record<string, string>;
  dateHeader?: 'x-amz-date' | 'date';
  token?: string;
}

/** Manual SigV4 per docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html. */
function referenceSigned(a: RefArgs = {}): SigV4Request {
  const amzDate = a.amzDate ?? formatRef(NOW);
  const day = amzDate.slice(0, 8);
  const region = a.region ?? 'us-west-2';
  const service = a.service ?? 'kms';
  const body = Buffer.from(a.body ?? '{"Limit":10}', 'utf8');
  const headers: Record<string, string> = {
    host: HOST,
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': 'TrentService.ListKeys',
    [a.dateHeader ?? 'x-amz-date']: amzDate,
    ...(a.token ? { 'x-amz-security-token': a.token } : {}),
    ...a.extraHeaders,
  };
  const names = Object.keys(headers).map((n) => n.toLowerCase()).sort();
  const canonHeaders = names.map((n) => `${n}:${headers[n]!.trim().replace(/[ \t]+/g, ' ')}\n`).join('');
  const payloadHash = createHash('sha256').update(body).digest('hex');
  const canonical = ['POST', '/', '', canonHeaders, names.join(';'), payloadHash].join('\n');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const sts = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonical).digest('hex')].join('\n');
  let k: Buffer = createHmac('sha256', 'AWS4' + (a.secret ?? 'test')).update(day).digest();
  for (const part of [region, service, 'aws4_request']) k = createHmac('sha256', k).update(part).digest();
  const signature = createHmac('sha256', k).update(sts).digest('hex');
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${a.accessKeyId ?? 'test'}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`;
  return nodeView('POST', '/', headers, body);
}

function formatRef(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

describe('independent reference signer', () => {
  it('round-trips', () => {
    expect(verify(referenceSigned()).region).toBe('us-west-2');
  });
  it('agrees with the verifier on a session-token request', () => {
    const req = referenceSigned({ accessKeyId: 'ASIATEMP00000000001', secret: 'temp-secret', token: 'FwoGZXIvYXdzEBYaDH0kSessionToken+/=' });
    expect(verify(req).principal.arn).toBe('arn:aws:sts::444455556666:assumed-role/Admin/s1');
  });
});

// ---------------------------------------------------------------------------------------------
// botocore (what boto3 and the AWS CLI use), signed in a real Python process
// ---------------------------------------------------------------------------------------------

function botocoreSigned(opts: { token?: string; accessKeyId?: string; secret?: string } = {}): SigV4Request | undefined {
  const script = `
import json, sys
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
a = json.loads(sys.argv[1])
body = '{"KeyId":"alias/test","Plaintext":"aGVsbG8gYm90bw=="}'
req = AWSRequest(method='POST', url='http://localhost:4599/', data=body,
                 headers={'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'TrentService.Encrypt'})
SigV4Auth(Credentials(a['ak'], a['sk'], a.get('token')), 'kms', 'ap-southeast-2').add_auth(req)
print(json.dumps({'headers': dict(req.headers.items()), 'body': body}))
`;
  try {
    const out = execFileSync(
      'python3',
      ['-c', script, JSON.stringify({ ak: opts.accessKeyId ?? 'test', sk: opts.secret ?? 'test', token: opts.token })],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const { headers, body } = JSON.parse(out) as { headers: Record<string, string>; body: string };
    return nodeView('POST', '/', { host: 'localhost:4599', ...headers }, Buffer.from(body, 'utf8'));
  } catch {
    return undefined;
  }
}

const botocoreReq = botocoreSigned();

describe.skipIf(botocoreReq === undefined)('botocore SigV4Auth signatures', () => {
  // botocore signs with the real clock; verify "now" relative to its X-Amz-Date.
  const signedAt = () => parseAmzDate(botocoreReq!.headers['x-amz-date'] as string);

  it('accepts a botocore-signed request', () => {
    expect(botocoreReq!.headers['x-amz-content-sha256']).toBeUndefined();
    const v = verify(botocoreReq!, signedAt() + 1500);
    expect(v.region).toBe('ap-southeast-2');
    expect(v.principal.accessKeyId).toBe('test');
    expect(authOf(botocoreReq!)).toMatch(/^AWS4-HMAC-SHA256 Credential=test\/\d{8}\/ap-southeast-2\/kms\/aws4_request, SignedHeaders=/);
  });
  it('rejects it once the body changes', () => {
    expectMismatch({ ...botocoreReq!, body: Buffer.from(botocoreReq!.body.toString().replace('gYm90', 'gYm91')) }, signedAt());
  });
  it('accepts botocore with a session token', () => {
    const req = botocoreSigned({ accessKeyId: 'ASIATEMP00000000001', secret: 'temp-secret', token: 'FwoGZXIvYXdzEBYaDH0kSessionToken+/=' })!;
    expect(authOf(req)).toContain('x-amz-security-token');
    expect(verify(req, parseAmzDate(req.headers['x-amz-date'] as string)).principal.accessKeyId).toBe('ASIATEMP00000000001');
  });
});

// ---------------------------------------------------------------------------------------------
// Tampering: every part of a signed request is covered
// ---------------------------------------------------------------------------------------------

describe('tampered requests are rejected with the right code', () => {
  it('body changed', async () => {
    const req = await smithySigned();
    expectMismatch({ ...req, body: Buffer.from(req.body.toString().replace('alias/test', 'alias/tesT')) });
  });

  it('body changed but X-Amz-Content-Sha256 kept', async () => {
    const req = await smithySigned();
    const body = Buffer.from(req.body.toString().replace('aGVsbG8=', 'aGVsbG9='));
    expectMismatch({ ...req, body });
  });

  it('X-Amz-Content-Sha256 that does not match the body (even if signed consistently)', () => {
    const fake = createHash('sha256').update('something else').digest('hex');
    const req = referenceSigned({ extraHeaders: { 'x-amz-content-sha256': fake } });
    expectMismatch(req);
  });

  it('a signed header value changed', async () => {
    const req = await smithySigned();
    expectMismatch(withHeader(req, 'x-amz-target', 'TrentService.Decrypt'));
    expectMismatch(withHeader(req, 'host', 'localhost:4600'));
    expectMismatch(withHeader(req, 'content-type', 'application/json'));
  });

  it('a signed header removed', async () => {
    const req = await smithySigned();
    expectMismatch(withHeader(req, 'x-amz-target', undefined));
  });

  it('the SignedHeaders list changed', async () => {
    const req = await smithySigned();
    expectMismatch(withAuth(req, (a) => a.replace('x-amz-target;', '')));
    expectMismatch(withAuth(req, (a) => a.replace('SignedHeaders=', 'SignedHeaders=accept;')));
  });

  it('X-Amz-Date changed within the same day', async () => {
    const req = await smithySigned();
    expectMismatch(withHeader(req, 'x-amz-date', formatAmzDate(NOW + 1000)));
  });

  it('X-Amz-Date moved to another day than the scope', async () => {
    const req = await smithySigned();
    const other = '20240518T001000Z';
    expectFailure(
      () => verify(withHeader(req, 'x-amz-date', other), Date.UTC(2024, 4, 18, 0, 10, 0)),
      'InvalidSignatureException',
      "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20240517' != '20240518', from '20240518T001000Z'.",
    );
  });

  it('region in the scope changed', async () => {
    const req = await smithySigned();
    expectMismatch(withAuth(req, (a) => a.replace('/us-east-1/', '/us-west-2/')));
  });

  it('service in the scope changed', async () => {
    const req = await smithySigned({ service: 'dynamodb' });
    expectFailure(() => verify(req), 'InvalidSignatureException', "Credential should be scoped to correct service: 'kms'. ");
  });

  it('access key changed to an unknown one', async () => {
    const req = await smithySigned();
    expectFailure(
      () => verify(withAuth(req, (a) => a.replace('Credential=test/', 'Credential=nobody/'))),
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );
  });

  it('access key changed to another known one', async () => {
    const req = await smithySigned();
    expectMismatch(withAuth(req, (a) => a.replace('Credential=test/', 'Credential=AKIAALICE0000000001/')));
  });

  it('wrong secret', async () => {
    expectMismatch(await smithySigned({ secretAccessKey: 'not-test' }));
  });

  it('signature hex changed (one digit, upper-cased, truncated, extended)', async () => {
    const req = await smithySigned();
    const sig = /Signature=([0-9a-f]{64})/.exec(authOf(req))![1]!;
    const flipped = sig.slice(0, 10) + (sig[10] === 'a' ? 'b' : 'a') + sig.slice(11);
    expectMismatch(withAuth(req, (a) => a.replace(sig, flipped)));
    if (/[a-f]/.test(sig)) expectMismatch(withAuth(req, (a) => a.replace(sig, sig.toUpperCase())));
    expectMismatch(withAuth(req, (a) => a.replace(sig, sig.slice(0, 63))));
    expectMismatch(withAuth(req, (a) => a.replace(sig, sig + '0')));
  });

  it('method or path changed', async () => {
    const req = await smithySigned();
    expectMismatch({ ...req, method: 'PUT' });
    expectMismatch({ ...req, rawUrl: '/x' });
    expectMismatch({ ...req, rawUrl: '/?a=1' });
  });

  it('the mismatch message shows the canonical string and string-to-sign AWS would compute', () => {
    const req = referenceSigned({ secret: 'wrong' });
    const e = failure(() => verify(req));
    const body = createHash('sha256').update(req.body).digest('hex');
    const canonical = [
      'POST',
      '/',
      '',
      'content-type:application/x-amz-json-1.1',
      `host:${HOST}`,
      'x-amz-date:20240517T103015Z',
      'x-amz-target:TrentService.ListKeys',
      '',
      'content-type;host;x-amz-date;x-amz-target',
      body,
    ].join('\n');
    const sts = `AWS4-HMAC-SHA256\n20240517T103015Z\n20240517/us-west-2/kms/aws4_request\n${createHash('sha256').update(canonical).digest('hex')}`;
    expect(e.message).toBe(
      `${MISMATCH}\n\nThe Canonical String for this request should have been\n'${canonical}'\n\nThe String-to-Sign should have been\n'${sts}'\n`,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Clock
// ---------------------------------------------------------------------------------------------

describe('clock skew', () => {
  it('expired: more than 5 minutes old', async () => {
    const req = await smithySigned();
    const now = NOW + 5 * 60_000 + 1000;
    expectFailure(
      () => verify(req, now),
      'InvalidSignatureException',
      'Signature expired: 20240517T103015Z is now earlier than 20240517T103016Z (20240517T103516Z - 5 min.)',
    );
  });

  it('not yet current: more than 5 minutes in the future', async () => {
    const req = await smithySigned();
    const now = NOW - 5 * 60_000 - 2000;
    expectFailure(
      () => verify(req, now),
      'InvalidSignatureException',
      'Signature not yet current: 20240517T103015Z is still later than 20240517T103013Z (20240517T102513Z + 5 min.)',
    );
  });

  it('expiry is checked before the signature and before the key is looked up', async () => {
    const req = await smithySigned({ accessKeyId: 'unknown', secretAccessKey: 'x' });
    expect(failure(() => verify(req, NOW + 3_600_000)).message).toMatch(/^Signature expired: /);
  });

  it('a custom skew shows up in the message', async () => {
    const req = await smithySigned();
    const e = failure(() => verifySigV4(req, store, NOW + 16 * 60_000, { maxSkewMs: 15 * 60_000 }));
    expect(e.message).toBe('Signature expired: 20240517T103015Z is now earlier than 20240517T103115Z (20240517T104615Z - 15 min.)');
  });
});

// ---------------------------------------------------------------------------------------------
// Malformed / missing authentication
// ---------------------------------------------------------------------------------------------

describe('missing and malformed authentication', () => {
  const base = () => referenceSigned();

  it('no Authorization header → MissingAuthenticationTokenException', () => {
    const e = failure(() => verify(withHeader(base(), 'authorization', undefined)));
    expect(e.code).toBe('MissingAuthenticationTokenException');
    expect(e.status).toBe(400);
    expect(e.message).toBe('Request is missing Authentication Token');
  });

  it('an Authorization header that is not AWS4-* (Basic, Bearer, "AWS4") → MissingAuthenticationTokenException', () => {
    for (const v of ['Basic dGVzdDp0ZXN0', 'Bearer abc', 'AWS4', 'AWS test:abc', '']) {
      const e = failure(() => verify(withHeader(base(), 'authorization', v)));
      expect(e.code, v).toBe('MissingAuthenticationTokenException');
    }
  });

  it('"AWS4-" alone → IncompleteSignatureException listing every missing part (dynalite test text)', () => {
    expectFailure(
      () => verify(withHeader(withHeader(base(), 'authorization', 'AWS4-'), 'x-amz-date', undefined)),
      'IncompleteSignatureException',
      "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. " +
        "Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a " +
        "'X-Amz-Date' or a 'Date' header. Authorization=AWS4-",
    );
  });

  it('missing Signature and SignedHeaders → IncompleteSignatureException naming them', () => {
    expectFailure(
      () => verify(withHeader(base(), 'authorization', 'AWS4-HMAC-SHA256 Credential=ABCDEF')),
      'IncompleteSignatureException',
      "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4-HMAC-SHA256 Credential=ABCDEF",
    );
  });

  it('no X-Amz-Date and no Date → IncompleteSignatureException', () => {
    const req = withHeader(base(), 'x-amz-date', undefined);
    expectFailure(
      () => verify(req),
      'IncompleteSignatureException',
      `Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=${authOf(req)}`,
    );
  });

  it('a parameter without "=" (space inside the credential) → IncompleteSignatureException', () => {
    const req = withAuth(base(), (a) => a.replace('Credential=test/', 'Credential=test /'));
    expectFailure(
      () => verify(req),
      'IncompleteSignatureException',
      `'/20240517/us-west-2/kms/aws4_request' not a valid key=value pair (missing equal-sign) in Authorization header: '${authOf(req)}'.`,
    );
  });

  it('X-Amz-Date not in ISO 8601 basic format → IncompleteSignatureException', () => {
    for (const bad of ['2024-05-17T10:30:15Z', '20240517T103015', '201', 'Fri, 17 May 2024 10:30:15 GMT', '20240231T103015Z']) {
      const e = failure(() => verify(withHeader(base(), 'x-amz-date', bad)));
      expect(e.code, bad).toBe('IncompleteSignatureException');
      expect(e.message).toBe(`Date must be in ISO-8601 'basic format'. Got '${bad}'. See http://en.wikipedia.org/wiki/ISO_8601`);
    }
  });

  it('an RFC 1123 Date header (no X-Amz-Date) is not accepted', () => {
    const req = withHeader(referenceSigned({ dateHeader: 'date' }), 'date', 'Fri, 17 May 2024 10:30:15 GMT');
    expect(failure(() => verify(req)).code).toBe('IncompleteSignatureException');
  });

  it('Host not among SignedHeaders → InvalidSignatureException', () => {
    expectFailure(
      () => verify(withAuth(base(), (a) => a.replace('host;', ''))),
      'InvalidSignatureException',
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    );
    const e2 = failure(() => verify(withAuth(base(), (a) => a.replace(/SignedHeaders=[^,]*/, 'SignedHeaders='))));
    expect(e2.message).toBe("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  });

  it('another algorithm → IncompleteSignatureException', () => {
    expectFailure(
      () => verify(withAuth(base(), (a) => a.replace('AWS4-HMAC-SHA256', 'AWS4-HMAC-SHA512'))),
      'IncompleteSignatureException',
      "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA512' (only AWS4-HMAC-SHA256 for now). ",
    );
  });

  it('a credential without 5 parts → IncompleteSignatureException (trailing slashes ignored)', () => {
    expectFailure(
      () => verify(withAuth(base(), (a) => a.replace('/kms/aws4_request', '/kms'))),
      'IncompleteSignatureException',
      "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'test/20240517/us-west-2/kms'",
    );
    const e2 = failure(() => verify(withAuth(base(), (a) => a.replace('/kms/aws4_request', '/kms/'))));
    expect(e2.message).toContain("got 'test/20240517/us-west-2/kms/'");
    const e3 = failure(() => verify(withAuth(base(), (a) => a.replace('/aws4_request', '/aws4_request/x'))));
    expect(e3.code).toBe('IncompleteSignatureException');
    // Trailing slashes do not count as elements: the signature (over the real scope) still verifies.
    expect(() => verify(withAuth(base(), (a) => a.replace('/aws4_request', '/aws4_request//')))).not.toThrow();
  });

  it('all bad scope parts are reported together, in AWS order', () => {
    const req = withAuth(base(), (a) => a.replace('test/20240517/us-west-2/kms/aws4_request', 'test/20240516/US_WEST/s3/aws5_request'));
    expectFailure(
      () => verify(req),
      'InvalidSignatureException',
      "Credential should be scoped to a valid region, not 'US_WEST'. " +
        "Credential should be scoped to correct service: 'kms'. " +
        "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'. " +
        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20240516' != '20240517', from '20240517T103015Z'.",
    );
  });

  it('a configured region list is enforced', () => {
    const e = failure(() =>
      verifySigV4(referenceSigned({ region: 'us-west-2' }), store, NOW, { isValidRegion: (r) => r === 'us-east-1' }),
    );
    expect(e.message).toBe("Credential should be scoped to a valid region, not 'us-west-2'. ");
  });

  it('a header named like an Object.prototype member does not crash', () => {
    const req = withAuth(base(), (a) => a.replace('SignedHeaders=', 'SignedHeaders=constructor;__proto__;'));
    expectMismatch(req);
  });

  it('the signature is not checked before the algorithm, the date or the scope', () => {
    // Each malformation is reported even though the signature is also wrong.
    const req = withAuth(base(), (a) => a.replace(/Signature=\w+/, 'Signature=00'));
    expect(failure(() => verify(withHeader(req, 'x-amz-date', 'x'))).code).toBe('IncompleteSignatureException');
    expect(failure(() => verify(req)).code).toBe('InvalidSignatureException');
  });
});

// ---------------------------------------------------------------------------------------------
// Session tokens
// ---------------------------------------------------------------------------------------------

describe('session tokens (X-Amz-Security-Token)', () => {
  const TOKEN = 'FwoGZXIvYXdzEBYaDH0kSessionToken+/=';
  const temp = { accessKeyId: 'ASIATEMP00000000001', secretAccessKey: 'temp-secret' };

  it('accepts the configured token (signed by the SDK)', async () => {
    const req = await smithySigned({ ...temp, sessionToken: TOKEN });
    expect(authOf(req)).toContain('x-amz-security-token');
    expect(verify(req).principal.arn).toBe('arn:aws:sts::444455556666:assumed-role/Admin/s1');
  });

  it('rejects a temporary key without its token', async () => {
    const req = await smithySigned(temp);
    expectFailure(() => verify(req), 'UnrecognizedClientException', 'The security token included in the request is invalid.');
  });

  it('rejects a wrong token', async () => {
    const req = await smithySigned({ ...temp, sessionToken: TOKEN + 'x' });
    expect(failure(() => verify(req)).code).toBe('UnrecognizedClientException');
  });

  it('rejects a token sent with a long-term key', async () => {
    const req = await smithySigned({ sessionToken: TOKEN });
    expect(failure(() => verify(req)).code).toBe('UnrecognizedClientException');
  });

  it('a tampered signed token is a signature mismatch first', async () => {
    const req = await smithySigned({ ...temp, sessionToken: TOKEN });
    expectMismatch(withHeader(req, 'x-amz-security-token', TOKEN.replace('Fwo', 'Fwp')));
  });
});

// ---------------------------------------------------------------------------------------------
// Query-string (presigned) authentication
// ---------------------------------------------------------------------------------------------

describe('query-string authentication', () => {
  async function presigned(): Promise<SigV4Request> {
    const signer = new SignatureV4({
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      region: 'us-east-1',
      service: 'kms',
      sha256: NodeSha256,
    });
    const body = Buffer.from('{}');
    const req = await signer.presign(
      {
        method: 'POST',
        protocol: 'http:',
        hostname: 'localhost',
        port: 4599,
        path: '/',
        query: {},
        headers: { host: HOST, 'x-amz-target': 'TrentService.ListKeys' },
        body,
      },
      { signingDate: new Date(NOW), expiresIn: 300 },
    );
    const qs = Object.entries(req.query ?? {})
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v as string)}`)
      .join('&');
    return nodeView('POST', `/?${qs}`, req.headers, body);
  }

  it('accepts a presigned request', async () => {
    expect(verify(await presigned()).principal.accessKeyId).toBe('test');
  });

  it('rejects a presigned request whose query changed', async () => {
    const req = await presigned();
    expectMismatch({ ...req, rawUrl: req.rawUrl + '&extra=1' });
  });

  it('both query-string and header auth → InvalidSignatureException', async () => {
    const req = withHeader(await presigned(), 'authorization', authOf(referenceSigned()));
    expectFailure(() => verify(req), 'InvalidSignatureException', "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");
  });

  it('incomplete query-string auth → IncompleteSignatureException', () => {
    const req: SigV4Request = { method: 'POST', rawUrl: '/?X-Amz-Algorithm=AWS4-HMAC-SHA256', headers: { host: HOST }, body: Buffer.alloc(0) };
    expectFailure(
      () => verify(req),
      'IncompleteSignatureException',
      "AWS query-string parameters must include 'X-Amz-Credential'. AWS query-string parameters must include 'X-Amz-Signature'. " +
        "AWS query-string parameters must include 'X-Amz-SignedHeaders'. AWS query-string parameters must include 'X-Amz-Date'. " +
        'Re-examine the query-string parameters.',
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Helpers exported for other modules
// ---------------------------------------------------------------------------------------------

describe('date and path helpers', () => {
  it('parses and formats ISO 8601 basic', () => {
    expect(parseAmzDate('20240517T103015Z')).toBe(NOW);
    expect(formatAmzDate(NOW)).toBe('20240517T103015Z');
    expect(parseAmzDate('20240229T000000Z')).toBe(Date.UTC(2024, 1, 29));
    for (const bad of ['20230229T000000Z', '20241301T000000Z', '20240517T240000Z', '20240517 103015Z', '2024051TT103015Z']) {
      expect(parseAmzDate(bad), bad).toBe(-1);
    }
  });
  it('canonicalises paths like the SDKs (normalise, then encode again)', () => {
    expect(canonicalizePath('/')).toBe('/');
    expect(canonicalizePath('//a//b/./c/../d/')).toBe('/a/b/d/');
    expect(canonicalizePath('/a%20b')).toBe('/a%2520b');
    expect(canonicalizePath('/a b~')).toBe('/a%20b~');
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

describe('properties (fast-check)', () => {
  const headerName = fc.stringMatching(/^x-[a-z0-9-]{1,20}$/).filter((n) => !['x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256'].includes(n));
  // Printable header values, including spaces and non-ASCII, as clients would send them.
  const headerValue = fc
    .string({ unit: fc.oneof(fc.constantFrom(' ', '\t', 'a', 'Z', '9', '/', '=', ',', ';', 'é', '雪', '"'), fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c))), minLength: 1, maxLength: 40 })
    .filter((v) => v.trim().length > 0);

  it('any body and any extra signed headers round-trip', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), fc.dictionary(headerName, headerValue, { maxKeys: 6 }), async (body, extra) => {
        const req = await smithySigned({ body: Buffer.from(body), headers: extra });
        expect(() => verify(req)).not.toThrow();
      }),
      { numRuns: 150 },
    );
  });

  it('any single-byte change of the body is rejected', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 1024 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (body, pos, delta) => {
          const req = await smithySigned({ body: Buffer.from(body) });
          const tampered = Buffer.from(body);
          const i = pos % tampered.length;
          tampered[i] = (tampered[i]! + delta) & 0xff;
          const e = failure(() => verify({ ...req, body: tampered }));
          expect(e.code).toBe('InvalidSignatureException');
        },
      ),
      { numRuns: 150 },
    );
  });

  it('any single-character change of a signed header value is rejected', async () => {
    await fc.assert(
      fc.asyncProperty(headerValue, fc.nat(), async (value, pos) => {
        const req = await smithySigned({ headers: { 'x-custom': value } });
        const v = req.headers['x-custom'] as string;
        const i = pos % v.length;
        const replacement = v[i] === 'q' ? 'r' : 'q';
        const changed = v.slice(0, i) + replacement + v.slice(i + 1);
        fc.pre(changed.trim().replace(/[ \t]+/g, ' ') !== v.trim().replace(/[ \t]+/g, ' '));
        expect(failure(() => verify(withHeader(req, 'x-custom', changed))).code).toBe('InvalidSignatureException');
      }),
      { numRuns: 150 },
    );
  });

  it('random Authorization headers never escape as anything but a KmsError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (auth) => {
        try {
          verify(withHeader(referenceSigned(), 'authorization', auth));
        } catch (e) {
          expect(isKmsError(e)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('internals agree with their slow references', () => {
  it('FixedKeyHmac equals crypto.createHmac for any key and message (incl. > scratch size)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 100 }),
        fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.constant('x'.repeat(20_000))),
        (key, msg) => {
          const latin1 = Buffer.from(msg, 'utf8').toString('latin1');
          const want = createHmac('sha256', Buffer.from(key)).update(latin1, 'latin1').digest('hex');
          expect(new FixedKeyHmac(Buffer.from(key)).hmacHex(latin1)).toBe(want);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the SDK-layout fast path parses exactly like the general tokenizer', () => {
    const piece = fc.string({ unit: fc.constantFrom('a', 'Z', '0', '/', ';', '=', '-', ',', ' ', '\t', '_'), maxLength: 24 });
    fc.assert(
      fc.property(piece, piece, piece, fc.constantFrom(', ', ',', ' ', ' , '), (c, h, g, sep) => {
        const header = `AWS4-HMAC-SHA256 Credential=${c}${sep}SignedHeaders=${h}${sep}Signature=${g}`;
        const fast = parseCanonicalLayout(header);
        if (fast === undefined) return;
        const [alg, ...general] = tokenizeAuthorization(header);
        expect(alg).toBe('AWS4-HMAC-SHA256');
        expect(general).toEqual(fast);
      }),
      { numRuns: 2000 },
    );
  });

  it('SignedHeaders lists are lower-cased, sorted, and cached', () => {
    const a = parseSignedHeaders('X-Amz-Date;Host;content-type');
    expect(a.names).toEqual(['content-type', 'host', 'x-amz-date']);
    expect(a.joined).toBe('content-type;host;x-amz-date');
    expect(a.hasHost).toBe(true);
    expect(parseSignedHeaders('X-Amz-Date;Host;content-type')).toBe(a);
    expect(parseSignedHeaders('').hasHost).toBe(false);
    expect(parseSignedHeaders(':authority;x-amz-date').hasHost).toBe(true);
  });
});
