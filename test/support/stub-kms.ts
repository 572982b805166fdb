/**
 * A stub KMS endpoint for tests of commands that point at "something that is not ours": a plain
 * `node:http` server that answers CreateKey (a key with an ARN in account 123456789012) and
 * ScheduleKeyDeletion, and `UnsupportedOperationException` to everything else. It checks no
 * signature. It records which targets were called.
 *
 * Test-only (under test/).
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubKms {
  url: string;
  /** X-Amz-Target values received. */
  targets: Set<string>;
  close(): Promise<void>;
}

export async function startStubKms(): Promise<StubKms> {
  const targets = new Set<string>();
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      targets.add(target);
      const reply = (status: number, body: object) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID() });
        res.end(JSON.stringify(body));
      };
      if (target === 'TrentService.CreateKey') {
        const id = randomUUID();
        reply(200, { KeyMetadata: { KeyId: id, Arn: `arn:aws:kms:us-east-1:123456789012:key/${id}`, KeyState: 'Enabled', Enabled: true } });
      } else if (target === 'TrentService.ScheduleKeyDeletion') {
        reply(200, { KeyState: 'PendingDeletion' });
      } else {
        reply(400, { __type: 'UnsupportedOperationException', message: `${target} is not implemented by this stub` });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    targets,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
