/**
 * A deliberately broken "KMS endpoint" (node:http on a loopback port) for checking that the
 * harness turns a bad target into clear non-pass outcomes, never a crash or a false pass.
 *
 * Modes:
 * - `hang`: reads the request, never answers (the connection stays open);
 * - `reset`: destroys the connection as soon as a request arrives;
 * - `malformed-json`: 200, JSON 1.1 content type, a body that is not JSON;
 * - `wrong-shape`: 200, well-formed JSON whose members have the wrong types and names;
 * - `wrong-status`: statuses KMS never uses (204, 302, 418, 500, 503 in turn) with AWS-style bodies;
 * - `html`: 200 with an HTML page (a proxy's error page);
 * - `empty`: 200 with no body at all;
 * - `half-reply`: a head promising 1000 bytes, 10 sent, then the connection closed.
 *
 * With `answerProbe`, the first CreateKey (the harness's capability probe) gets a plausible
 * reply, so the run goes on to the cases and each case meets the broken behaviour.
 *
 * @module
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export const BROKEN_MODES = ['hang', 'reset', 'malformed-json', 'wrong-shape', 'wrong-status', 'html', 'empty', 'half-reply'] as const;
export type BrokenMode = (typeof BROKEN_MODES)[number];

const JSON_TYPE = 'application/x-amz-json-1.1';

export interface BrokenEndpoint {
  url: string;
  /** Requests received so far. */
  requests(): number;
  close(): Promise<void>;
}

function reply(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'x-amzn-requestid': '00000000-0000-0000-0000-000000000000' });
  res.end(body);
}

const PROBE_KEY = '1234abcd-12ab-34cd-56ef-1234567890ab';

export async function startBrokenEndpoint(mode: BrokenMode, options: { answerProbe?: boolean } = {}): Promise<BrokenEndpoint> {
  let n = 0;
  let probeAnswered = !options.answerProbe;
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const i = n++;
    req.resume();
    req.on('end', () => {
      if (!probeAnswered && req.headers['x-amz-target'] === 'TrentService.CreateKey') {
        probeAnswered = true;
        const arn = `arn:aws:kms:us-east-1:111122223333:key/${PROBE_KEY}`;
        return reply(res, 200, JSON_TYPE, JSON.stringify({ KeyMetadata: { KeyId: PROBE_KEY, Arn: arn, AWSAccountId: '111122223333', Enabled: true, KeyState: 'Enabled' } }));
      }
      switch (mode) {
        case 'hang':
          return;
        case 'reset':
          return req.socket.destroy();
        case 'malformed-json':
          return reply(res, 200, JSON_TYPE, '{"KeyMetadata": {"KeyId": "1234abcd-12ab-34cd-56ef-1234567890ab", ');
        case 'wrong-shape':
          return reply(res, 200, JSON_TYPE, JSON.stringify({ KeyMetadata: 'not an object', KeyId: 42, CiphertextBlob: { a: 1 }, Plaintext: [1, 2], Keys: 'none', Aliases: null, Tags: 7, Truncated: 'yes', Policy: false }));
        case 'wrong-status': {
          const status = [204, 302, 418, 500, 503][i % 5]!;
          return reply(res, status, JSON_TYPE, status === 204 ? '' : JSON.stringify({ __type: 'NotFoundException', message: 'stub' }));
        }
        case 'html':
          return reply(res, 200, 'text/html', '<html><body><h1>502 Bad Gateway</h1></body></html>');
        case 'empty':
          return reply(res, 200, JSON_TYPE, '');
        case 'half-reply':
          res.socket?.write('HTTP/1.1 200 OK\r\ncontent-type: application/x-amz-json-1.1\r\ncontent-length: 1000\r\n\r\n{"KeyMetada');
          return res.socket?.destroy();
      }
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => n,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}
