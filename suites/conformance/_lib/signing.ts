/**
 * Raw requests a case signs itself, so that it can sign them wrongly on purpose (another service,
 * another Region, an old date, a wrong secret) or tamper with them after signing.
 *
 * ```ts
 * const req = await signedRequest(t, { operation: 'ListKeys', body: '{}', signingDate: minutesAgo(20) });
 * const reply = await t.rawHttp({ method: req.method, headers: req.headers, body: req.body });
 * ```
 *
 * @module
 */
import { signJsonRequest } from '../../../harness/client/sign.js';
import type { CaseContext } from '../../../harness/conformance/case.js';
import { credentialsOf } from './support.js';

export interface SignOptions {
  operation: string;
  body: string;
  method?: string;
  /** Service in the credential scope (default `kms`). */
  service?: string;
  /** Region in the credential scope (default the endpoint's). */
  region?: string;
  /** Replaces parts of the case's own credentials (e.g. a wrong secret or an unknown access key). */
  credentials?: { accessKeyId?: string; secretAccessKey?: string };
  signingDate?: Date;
}

export interface SignedHttp {
  method: string;
  headers: Record<string, string>;
  body: string;
}

/** A SigV4-signed AWS JSON 1.1 request for `TrentService.<operation>` to the case's endpoint. */
export async function signedRequest(t: CaseContext, o: SignOptions): Promise<SignedHttp> {
  const credentials = { ...credentialsOf(t), ...o.credentials };
  if (o.credentials?.accessKeyId !== undefined) delete credentials.sessionToken;
  const signed = await signJsonRequest({
    endpoint: t.endpoint,
    region: o.region ?? t.region,
    credentials,
    target: `TrentService.${o.operation}`,
    body: o.body,
    signingDate: o.signingDate,
    method: o.method,
    service: o.service,
  });
  const method = signed.method;
  return { method, headers: { ...(signed.headers as Record<string, string>) }, body: o.body };
}

/** Sends a request built by {@link signedRequest} (possibly altered) to the case's endpoint. */
export const sendSigned = (t: CaseContext, req: SignedHttp) =>
  t.rawHttp({ method: req.method, headers: req.headers, body: req.method === 'GET' && req.body === '' ? undefined : req.body });

/** The Authorization header of a signed request, with its Signature changed in the last hex digit. */
export function withBrokenSignature(req: SignedHttp): SignedHttp {
  const name = Object.keys(req.headers).find((h) => h.toLowerCase() === 'authorization')!;
  const auth = req.headers[name]!;
  const last = auth.slice(-1);
  const broken = auth.slice(0, -1) + (last === '0' ? '1' : '0');
  return { ...req, headers: { ...req.headers, [name]: broken } };
}

export const minutesFromNow = (minutes: number): Date => new Date(Date.now() + minutes * 60_000);
