/**
 * The two sides of a differential run: anything that answers an AWS JSON 1.1 KMS operation.
 * The engine only calls `send`; the CLI builds endpoints from URLs with {@link signedEndpoint}.
 *
 * @module
 */
import { call } from '../client/raw-client.js';
import type { Credentials } from '../client/sign.js';
import { SERVICE } from '../../common/model/index.js';

export interface Reply {
  status: number;
  /** Parsed JSON body (undefined for an empty or non-JSON body). */
  body: unknown;
}

export interface DiffEndpoint {
  /** Short name for reports (`embedded`, `moto`, a host). */
  label: string;
  /** The URL the replay scripts and tests use. */
  endpoint: string;
  /**
   * Endpoints of one family (e.g. two reference servers) phrase their errors alike, so their
   * error messages are compared too; otherwise only code and status are.
   */
  family?: string;
  /** Region the endpoint signs for and builds ARNs in (default us-east-1). */
  region?: string;
  send(operation: string, body: unknown): Promise<Reply>;
}

/** An endpoint reached over HTTP with SigV4-signed JSON 1.1 calls. */
export function signedEndpoint(args: { label: string; url: string; region: string; credentials: Credentials; family?: string }): DiffEndpoint {
  return {
    label: args.label,
    endpoint: args.url,
    region: args.region,
    ...(args.family ? { family: args.family } : {}),
    async send(operation, body) {
      const reply = await call({
        endpoint: args.url,
        region: args.region,
        credentials: args.credentials,
        target: `${SERVICE.targetPrefix}.${operation}`,
        body,
      });
      return { status: reply.status, body: reply.json };
    },
  };
}

/** `__type` without its namespace (`com.amazon...#NotFoundException` → `NotFoundException`). */
export function errorCodeOf(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const type = (body as Record<string, unknown>).__type;
  return typeof type === 'string' ? type.split('#').pop()!.split(':')[0] : undefined;
}

export function errorMessageOf(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as Record<string, unknown>;
  const m = b.message ?? b.Message;
  return typeof m === 'string' ? m : undefined;
}
