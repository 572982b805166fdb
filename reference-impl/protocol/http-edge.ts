/**
 * The HTTP edge: reads request bodies (refusing oversized ones before buffering them whole),
 * hands complete requests to the pipeline and writes the replies. Keep-alive is on.
 *
 * @module
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { KmsError } from '../errors.js';
import type { Pipeline, RawResponse } from './pipeline.js';
import { protocolMsg } from './messages.js';

/** Largest request body accepted (AWS JSON 1.1 requests to KMS are far smaller). */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface EdgeOptions {
  maxBodyBytes?: number;
  /** Extra GET routes (e.g. `/_kmsbench/metrics`) answered outside the pipeline. */
  getRoutes?: Record<string, () => { contentType: string; body: string }>;
}

export function createHttpServer(pipeline: Pipeline, options: EdgeOptions = {}): Server {
  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const server = createServer({ keepAlive: true, keepAliveTimeout: 65_000, requestTimeout: 60_000 }, (req, res) => {
    const route = req.method === 'GET' ? options.getRoutes?.[req.url ?? ''] : undefined;
    if (route) {
      const r = route();
      res.writeHead(200, { 'content-type': r.contentType, 'content-length': Buffer.byteLength(r.body) });
      res.end(r.body);
      return;
    }
    readBody(req, res, limit, (body) => {
      const reply = pipeline.handle({
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body,
        remoteAddress: req.socket.remoteAddress,
      });
      send(res, reply);
    });
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy();
  });
  return server;
}

function send(res: ServerResponse, reply: RawResponse): void {
  const headers: Record<string, string | number> = { ...reply.headers, 'content-length': Buffer.byteLength(reply.body) };
  res.writeHead(reply.status, headers);
  res.end(reply.body);
}

function tooLarge(res: ServerResponse, req: IncomingMessage, limit: number): void {
  const err = new KmsError('RequestEntityTooLargeException', protocolMsg.bodyTooLarge(limit));
  const body = JSON.stringify(err.toJSON());
  res.writeHead(err.status, {
    'content-type': 'application/x-amz-json-1.1',
    'content-length': Buffer.byteLength(body),
    connection: 'close',
  });
  res.end(body);
  // Stop reading the rest of the body; the connection closes after the reply.
  req.unpipe();
  req.on('data', () => {});
  res.on('finish', () => req.socket.destroySoon());
}

function readBody(req: IncomingMessage, res: ServerResponse, limit: number, done: (body: Buffer) => void): void {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) {
    tooLarge(res, req, limit);
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let refused = false;
  req.on('data', (chunk: Buffer) => {
    if (refused) return;
    size += chunk.length;
    if (size > limit) {
      refused = true;
      chunks.length = 0;
      tooLarge(res, req, limit);
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (refused) return;
    done(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
  });
  req.on('error', () => {
    refused = true;
  });
}
