/**
 * The run's one `@aws-sdk/client-kms` client (retries off) and the per-case view of it.
 *
 * The shared client keeps each reply's raw status, headers and body (a deserialize-step
 * middleware buffers it before the SDK parses it), so a failure can say what the endpoint really
 * sent — an HTML error page, a body without `message` — and so error codes come from `__type`,
 * not from SDK exception classes. Each case gets a proxy of the client whose `send` carries the
 * case's abort signal and reports every call to the case.
 *
 * @module
 */
import { KMSClient } from '@aws-sdk/client-kms';
import type { Credentials } from '../client/sign.js';
import { truncate } from '../../common/text.js';
import { callRecordOf, recordCallOfError, type CallRecord } from './verdict.js';

export interface ReplyCapture {
  status: number;
  headers: Record<string, string>;
  text: string;
}

const CAPTURE = Symbol('kmsbench.reply');

export interface ClientOptions {
  /** Endpoint URL; undefined lets the SDK resolve the Region's AWS endpoint. */
  endpoint?: string;
  region: string;
  credentials?: Credentials;
  /** Socket/request timeout per call, ms. */
  requestTimeoutMs?: number;
  maxSockets?: number;
}

export function createKmsClient(options: ClientOptions): KMSClient {
  const client = new KMSClient({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    maxAttempts: 1,
    requestHandler: {
      requestTimeout: options.requestTimeoutMs ?? 30_000,
      connectionTimeout: 10_000,
      httpAgent: { keepAlive: true, maxSockets: options.maxSockets ?? 64 },
      httpsAgent: { keepAlive: true, maxSockets: options.maxSockets ?? 64 },
    },
  });
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const out = await next(args);
      const response = out.response as { statusCode?: number; headers?: Record<string, string>; body?: unknown };
      const bytes = await readBody(response.body);
      response.body = bytes;
      (context as Record<symbol, unknown>)[CAPTURE] = {
        status: response.statusCode ?? 0,
        headers: response.headers ?? {},
        text: Buffer.from(bytes).toString('utf8'),
      } satisfies ReplyCapture;
      return out;
    },
    { step: 'deserialize', name: 'kmsbenchCaptureReply', priority: 'low' },
  );
  client.middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (e) {
        const operation = String((context as { commandName?: string }).commandName ?? 'Unknown').replace(/Command$/, '');
        recordCallOfError(e, callRecord(operation, (context as Record<symbol, ReplyCapture | undefined>)[CAPTURE], e));
        throw e;
      }
    },
    { step: 'initialize', name: 'kmsbenchRecordCall', priority: 'high' },
  );
  return client;
}

async function readBody(body: unknown): Promise<Uint8Array> {
  if (body === undefined || body === null) return new Uint8Array();
  if (body instanceof Uint8Array) return body;
  if (typeof body === 'string') return Buffer.from(body);
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** What a reply says: status, bare error code, message; the body's start when it is not JSON. */
export function callRecord(operation: string, capture: ReplyCapture | undefined, error?: unknown): CallRecord {
  if (!capture) {
    const e = error as { code?: unknown; message?: unknown; name?: unknown } | undefined;
    const network = e ? `${typeof e.code === 'string' ? e.code : String(e.name ?? 'Error')}: ${String(e.message ?? '')}` : 'no reply';
    return { operation, network };
  }
  const record: CallRecord = { operation, status: capture.status };
  let json: unknown;
  try {
    json = capture.text ? JSON.parse(capture.text) : undefined;
  } catch {
    json = undefined;
  }
  const isObject = json !== null && typeof json === 'object' && !Array.isArray(json);
  const j = (isObject ? json : {}) as Record<string, unknown>;
  if (capture.status >= 300) {
    const type = typeof j.__type === 'string' ? j.__type : headerOf(capture.headers, 'x-amzn-errortype');
    if (type) record.code = bareCode(type);
    const message = j.message ?? j.Message;
    if (typeof message === 'string') record.message = message;
  }
  if (!isObject && (capture.status >= 300 || capture.text !== '')) record.body = truncate(capture.text, 300);
  return record;
}

/** `com.amazon.coral.service#Code:http://...` → `Code`. */
export const bareCode = (type: string): string => type.split('#').pop()!.split(':')[0]!;

export const headerOf = (headers: Record<string, string>, name: string): string | undefined => {
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) return v;
  return undefined;
};

export interface CaseClientHooks {
  /** The case's current abort signal (a fresh one while its cleanups run). */
  signal(): AbortSignal;
  /** Every call, as it completes. */
  onCall(record: CallRecord): void;
  /** Every successful call's input and output (to register cleanups for keys/aliases the case makes). */
  onOutput(operation: string, input: unknown, output: unknown): void;
}

type Sendable = { input: unknown; constructor: { name: string } };

/** A view of the shared client for one case: its abort signal, its call log; `destroy` is a no-op. */
export function caseClient(base: KMSClient, hooks: CaseClientHooks): KMSClient {
  const send = async (command: Sendable, options?: unknown, callback?: unknown): Promise<unknown> => {
    if (typeof options === 'function' || typeof callback === 'function') {
      return (base.send as (...a: unknown[]) => unknown)(command, options, callback);
    }
    const operation = command.constructor.name.replace(/Command$/, '');
    try {
      const output = await base.send(command as never, { abortSignal: hooks.signal(), ...(options as object | undefined) });
      const status = (output as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      hooks.onCall({ operation, ...(status !== undefined ? { status } : {}) });
      hooks.onOutput(operation, command.input, output);
      return output;
    } catch (e) {
      const record = callRecordOf(e) ?? callRecord(operation, undefined, e);
      recordCallOfError(e, record);
      hooks.onCall(record);
      throw e;
    }
  };
  return new Proxy(base, {
    get(target, prop) {
      if (prop === 'send') return send;
      if (prop === 'destroy') return () => {};
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
