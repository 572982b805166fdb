/**
 * A raw AWS JSON 1.1 client: sends exactly the bytes asked for (signed or not) and returns
 * status, headers and body as received, without SDK parsing or retries. For protocol cases
 * and control calls.
 *
 * @module
 */
import { request } from 'undici';
import { signJsonRequest, type Credentials } from './sign.js';

export interface RawReply {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** Parsed JSON body, or undefined when the body is not JSON. */
  json: unknown;
  /** `__type` without any namespace prefix (`com.amazon...#Code` → `Code`). */
  errorCode?: string;
  errorMessage?: string;
}

export async function send(
  url: string,
  init: { method?: string; headers: Record<string, string>; body?: string | Buffer },
  timeoutMs = 30_000,
): Promise<RawReply> {
  const res = await request(url, {
    method: (init.method ?? 'POST') as 'POST',
    headers: init.headers,
    body: init.body,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const text = await res.body.text();
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : String(v ?? '');
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const reply: RawReply = { status: res.statusCode, headers, text, json };
  if (json && typeof json === 'object') {
    const j = json as Record<string, unknown>;
    const type = typeof j.__type === 'string' ? j.__type : headers['x-amzn-errortype'];
    if (type) reply.errorCode = type.split('#').pop()!.split(':')[0];
    const message = j.message ?? j.Message;
    if (typeof message === 'string') reply.errorMessage = message;
  }
  return reply;
}

/** Signs and sends one JSON 1.1 call. */
export async function call(args: {
  endpoint: string;
  region: string;
  credentials: Credentials;
  target: string;
  body: unknown;
}): Promise<RawReply> {
  const body = typeof args.body === 'string' ? args.body : JSON.stringify(args.body ?? {});
  const signed = await signJsonRequest({ ...args, body });
  return send(signed.url, signed);
}
