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
  /** Default 200. */
  status?: number;
}

/** A route outside the AWS API; `query` is the URL's query string. */
export type Route = (request: { query: URLSearchParams; body: Buffer }) => RouteReply | Promise<RouteReply>;

export interface EdgeOptions extends Pick<Http1Options, 'headersTimeoutMs' | 'requestTimeoutMs' | 'maxConnections' | 'beforeWrite'> {
  maxBodyBytes?: number;
  /** Extra GET routes (e.g. `/_kmsbench/metrics`) answered outside the pipeline, by path. */
  getRoutes?: Record<string, Route>;
  /** POST routes outside the pipeline (e.g. `/_kmsbench/reset`); the AWS API is `POST /`. */
  postRoutes?: Record<string, Route>;
}

export function createHttpServer(pipeline: Pipeline, options: EdgeOptions = {}): Server {
  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const tables: Record<string, Record<string, Route>> = {
    GET: { '/_kmsbench/health': () => ({ contentType: 'text/plain', body: 'ok\n' }), ...options.getRoutes },
    POST: { ...options.postRoutes },
  };
  return createHttp1Server(
    (req) => {
      const table = tables[req.method];
      if (table && req.url.startsWith('/_kmsbench/')) {
        const q = req.url.indexOf('?');
        const path = q < 0 ? req.url : req.url.slice(0, q);
        if (Object.hasOwn(table, path)) {
          const toReply = (r: RouteReply) => ({ status: r.status ?? 200, headers: { 'content-type': r.contentType }, body: r.body });
          const r = table[path]!({ query: new URLSearchParams(q < 0 ? '' : req.url.slice(q + 1)), body: req.body });
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
