/**
 * The HTTP edge of the reference server: the lean HTTP/1.1 layer ({@link createHttp1Server})
 * in front of the pipeline, plus a few GET routes outside the AWS API (metrics, health).
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:net';
import { KmsError, RequestEntityTooLargeException, RequestTimeoutException } from '../errors.js';
import { createHttp1Server, type Http1Options, type Http1Response } from './http1-server.js';
import { protocolMsg } from './protocol-messages.js';
import type { Pipeline } from './pipeline.js';

/** Largest request body accepted (AWS JSON 1.1 requests to KMS are far smaller). */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface RouteReply {
  contentType: string;
  body: string;
}

export interface EdgeOptions extends Pick<Http1Options, 'headersTimeoutMs' | 'requestTimeoutMs' | 'maxConnections' | 'beforeWrite'> {
  maxBodyBytes?: number;
  /** Extra GET routes (e.g. `/_kmsbench/metrics`) answered outside the pipeline. */
  getRoutes?: Record<string, () => RouteReply | Promise<RouteReply>>;
}

export function createHttpServer(pipeline: Pipeline, options: EdgeOptions = {}): Server {
  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const routes: Record<string, () => RouteReply | Promise<RouteReply>> = {
    '/_kmsbench/health': () => ({ contentType: 'text/plain', body: 'ok\n' }),
    ...options.getRoutes,
  };
  return createHttp1Server(
    (req) => {
      if (req.method === 'GET') {
        const route = routes[req.url];
        if (route) {
          const toReply = (r: RouteReply) => ({ status: 200, headers: { 'content-type': r.contentType }, body: r.body });
          const r = route();
          return r instanceof Promise ? r.then(toReply) : toReply(r);
        }
      }
      return pipeline.handle(req);
    },
    {
      maxBodyBytes: limit,
      headersTimeoutMs: options.headersTimeoutMs,
      requestTimeoutMs: options.requestTimeoutMs,
      maxConnections: options.maxConnections,
      beforeWrite: options.beforeWrite,
      tooLarge: () => errorReply(new RequestEntityTooLargeException(protocolMsg.bodyTooLarge(limit))),
      timedOut: () => errorReply(new RequestTimeoutException(protocolMsg.requestTimeout)),
    },
  );
}

/** An AWS JSON 1.1 error reply from the HTTP layer (no operation ran, so no audit line). */
function errorReply(err: KmsError): Http1Response {
  return {
    status: err.status,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID() },
    body: JSON.stringify(err.toJSON()),
  };
}
