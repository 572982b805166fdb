/**
 * The `kmsbench serve` process as an operator sees it: clean shutdown on SIGINT/SIGTERM (exit 0,
 * no worker left behind, audit log flushed up to the last request), `--help`, and refusal of
 * bad command lines with exit code 2 and the usage text.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, connect, type AddressInfo, type Server } from 'node:net';
import { join } from 'node:path';
import { CreateKeyCommand, DescribeKeyCommand, DisableKeyCommand, EncryptCommand, ListKeysCommand } from '@aws-sdk/client-kms';
import { afterAll, describe, expect, it } from 'vitest';
import {
  cleanUp,
  DIST_BUILT,
  kmsbench,
  NOT_BUILT_REASON,
  readAudit,
  sdk,
  sleep,
  startServe,
  tempDir,
  withTimeout,
} from './harness.js';

afterAll(cleanUp);

const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.once('error', () => resolve(true));
  });

describe.skipIf(!DIST_BUILT)(`kmsbench serve process lifecycle${DIST_BUILT ? '' : ` (${NOT_BUILT_REASON})`}`, () => {
  describe.each([
    ['SIGINT', 'group', 2],
    ['SIGTERM', 'group', 2],
    ['SIGINT', 'primary', 2],
    ['SIGTERM', 'primary', 2],
    ['SIGTERM', 'primary', 1],
  ] as const)('%s to the %s (--workers %d)', (sig, target, workers) => {
    it('exits 0, leaves no process behind, and the audit log holds the last requests', async () => {
      const dataDir = join(tempDir(), 'data');
      const server = await startServe({ dataDir, workers });
      const kms = sdk(server.url);
      const marker = randomUUID();
      const secret = `plaintext-${randomBytes(8).toString('hex')}`;
      const key = await kms.send(new CreateKeyCommand({ Description: 'shutdown' }));
      const enc = await kms.send(
        new EncryptCommand({ KeyId: key.KeyMetadata!.KeyId, Plaintext: Buffer.from(secret), EncryptionContext: { marker } }),
      );
      // Several last requests over parallel sockets (with --workers 2, usually on both workers).
      const last = await Promise.all(
        Array.from({ length: 8 }, () => kms.send(new DescribeKeyCommand({ KeyId: key.KeyMetadata!.KeyId }))),
      );
      const failed = await kms.send(new DescribeKeyCommand({ KeyId: randomUUID() })).catch((e: { $metadata: { requestId: string } }) => e);
      server.signal(sig, target);

      const exit = await withTimeout(server.exited, 10_000, `no exit 10 s after ${sig}`);
      expect({ exit, stderr: server.stderr }).toEqual({ exit: { code: 0, signal: null }, stderr: expect.any(String) });
      // When the whole group is signalled a worker may finish before the primary starts closing,
      // which the primary reports; nothing else may appear (no stack trace, no error).
      const unexpected = server.stderr.split('\n').filter((l) => l !== '' && !/^kmsbench: worker \d+ exited \(0\)$/.test(l));
      expect(unexpected).toEqual([]);
      await server.waitGroupGone(5000);
      expect(await refused(server.port)).toBe(true);

      const audit = readAudit(dataDir);
      const byId = new Map(audit.map((e) => [e.requestId, e]));
      const wanted = [key.$metadata.requestId, enc.$metadata.requestId, ...last.map((r) => r.$metadata.requestId), failed.$metadata.requestId];
      const missing = wanted.filter((id) => !byId.has(id));
      expect(missing, `request ids missing from audit.log (${audit.length} entries)`).toEqual([]);
      expect(byId.get(enc.$metadata.requestId)).toMatchObject({
        eventName: 'Encrypt',
        encryptionContext: { marker },
        resources: [key.KeyMetadata!.Arn],
        principalArn: 'arn:aws:iam::111122223333:root',
      });
      expect(byId.get(failed.$metadata.requestId)).toMatchObject({ eventName: 'DescribeKey', errorCode: 'NotFoundException' });
      // Every line is whole JSON (readAudit parsed them) and none carries the plaintext.
      expect(readFileSync(join(dataDir, 'audit.log'), 'utf8')).not.toContain(secret);
      expect(readFileSync(join(dataDir, 'audit.log'), 'utf8')).not.toContain(Buffer.from(secret).toString('base64'));
    });
  });

  it('restarts on the data dir of a cleanly stopped server and appends to its audit log', async () => {
    const dataDir = join(tempDir(), 'data');
    const a = await startServe({ dataDir, workers: 2 });
    const key = await sdk(a.url).send(new CreateKeyCommand({}));
    a.signal('SIGTERM', 'primary');
    expect(await withTimeout(a.exited, 10_000, 'no exit after SIGTERM')).toEqual({ code: 0, signal: null });
    const entries = readAudit(dataDir).length;
    const b = await startServe({ dataDir, workers: 2 });
    await sdk(b.url).send(new DescribeKeyCommand({ KeyId: key.KeyMetadata!.KeyId }));
    b.signal('SIGINT', 'group');
    expect(await withTimeout(b.exited, 10_000, 'no exit after SIGINT')).toEqual({ code: 0, signal: null });
    expect(readAudit(dataDir).length).toBe(entries + 1);
  });
});

describe.skipIf(!DIST_BUILT)(`kmsbench serve when processes die${DIST_BUILT ? '' : ` (${NOT_BUILT_REASON})`}`, () => {
  it('kill -9 of one worker under load: reported, the other worker keeps serving, writes still acknowledged, SIGTERM exits 0', async () => {
    const dataDir = join(tempDir(), 'data');
    // A valid --fault is accepted and announced (no-throttle: 16 lanes of CreateKey exceed 5/s).
    const server = await startServe({ dataDir, workers: 2, extraArgs: ['--fault', 'no-throttle'] });
    expect(server.stderr).toContain('kmsbench: DELIBERATE FAULTS ENABLED: no-throttle');
    // The primary serves too: the forked worker dies, the primary keeps serving.
    const [victim] = server.workerPids() ?? [];
    const survivor = server.pid;
    if (victim === undefined || survivor === undefined) return void console.warn('not Linux: cannot pick a worker to kill');
    const kms = sdk(server.url);
    const acked: string[] = [];
    let stop = false;
    let killed = false;
    let ackedAfterKill = 0;
    const lanes = Array.from({ length: 16 }, async () => {
      while (!stop) {
        try {
          const k = await kms.send(new CreateKeyCommand({}));
          await kms.send(new EncryptCommand({ KeyId: k.KeyMetadata!.KeyId, Plaintext: Buffer.from('x') }));
          acked.push(k.KeyMetadata!.KeyId!);
          if (killed) ackedAfterKill++;
        } catch {
          // requests on the killed worker's connections fail; the lane carries on with new ones
          await sleep(10);
        }
      }
    });
    try {
      const warmUp = Date.now() + 10_000;
      while (acked.length < 40 && Date.now() < warmUp) await sleep(5);
      expect(acked.length, 'creates acknowledged before the kill').toBeGreaterThanOrEqual(40);
      process.kill(victim, 'SIGKILL');
      killed = true;
      const deadline = Date.now() + 10_000;
      while (ackedAfterKill < 40 && Date.now() < deadline && server.exit === undefined) await sleep(5);
    } finally {
      stop = true;
      await Promise.all(lanes);
    }
    expect(server.exit, `primary died: ${server.stderr}`).toBeUndefined();
    expect(ackedAfterKill).toBeGreaterThanOrEqual(40);
    expect(server.servingPids()).toEqual([survivor]);
    expect(server.stderr).toContain(`kmsbench: worker ${victim} exited (SIGKILL)`);

    server.signal('SIGTERM', 'primary');
    expect(await withTimeout(server.exited, 10_000, 'no exit after SIGTERM')).toEqual({ code: 0, signal: null });
    await server.waitGroupGone(5000);
    const again = await startServe({ dataDir, workers: 2 });
    const ids = new Set<string>();
    let marker: string | undefined;
    do {
      const page = await sdk(again.url).send(new ListKeysCommand({ Limit: 1000, Marker: marker }));
      for (const k of page.Keys ?? []) ids.add(k.KeyId!);
      marker = page.Truncated ? page.NextMarker : undefined;
    } while (marker);
    expect(acked.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('kill -9 of the primary alone: the workers exit by themselves and the data dir can be served again', async () => {
    const dataDir = join(tempDir(), 'data');
    const server = await startServe({ dataDir, workers: 2 });
    const key = await sdk(server.url).send(new CreateKeyCommand({}));
    expect(server.workerPids()).toHaveLength(1);
    server.signal('SIGKILL', 'primary');
    await server.exited;
    await server.waitGroupGone(5000); // orphaned workers would hold the store and the port
    const again = await startServe({ dataDir, workers: 2 });
    await expect(sdk(again.url).send(new DescribeKeyCommand({ KeyId: key.KeyMetadata!.KeyId }))).resolves.toMatchObject({
      KeyMetadata: { KeyState: 'Enabled' },
    });
  });

  it('a second server on the same data dir is refused, or else sees the first one\'s writes', async () => {
    const dataDir = join(tempDir(), 'data');
    const first = await startServe({ dataDir, workers: 2 });
    const second = await startServe({ dataDir, workers: 2 }).catch((e: Error) => e);
    if (second instanceof Error) {
      expect(second.message).toMatch(/exited \(1\) before listening/);
      expect(second.message).toMatch(/in use by another kmsbench server \(pid \d+\)/);
    } else {
      // Both run: then they must not serve from stale caches.
      const a = sdk(first.url);
      const b = sdk(second.url);
      const key = await a.send(new CreateKeyCommand({}));
      await b.send(new EncryptCommand({ KeyId: key.KeyMetadata!.KeyId, Plaintext: Buffer.from('x') }));
      await a.send(new DisableKeyCommand({ KeyId: key.KeyMetadata!.KeyId }));
      await expect(b.send(new EncryptCommand({ KeyId: key.KeyMetadata!.KeyId, Plaintext: Buffer.from('x') }))).rejects.toMatchObject({
        name: 'DisabledException',
      });
    }
    // The first server is unaffected either way.
    await sdk(first.url).send(new CreateKeyCommand({}));
  });
});

describe.skipIf(!DIST_BUILT)(`kmsbench command line${DIST_BUILT ? '' : ` (${NOT_BUILT_REASON})`}`, () => {
  it('serve --help / -h print every option and exit 0', async () => {
    for (const flag of ['--help', '-h']) {
      const r = await kmsbench(['serve', flag]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      for (const opt of ['--host', '--port', '--data-dir', '--region', '--account', '--credentials', '--workers', '--fault']) {
        expect(r.stdout).toContain(opt);
      }
      expect(r.stdout).toMatch(/^kmsbench serve \[options\]/);
      expect(r.stdout).toContain('ec-concat'); // the known faults are listed
      expect(r.stdout).not.toContain('listening on');
    }
  });

  it('bad serve flags exit 2 with the usage, before touching the data dir', async () => {
    const dir = tempDir();
    const cases: string[][] = [
      ['--bogus'],
      ['--port'],
      ['--port', 'abc'],
      ['--port', '-1'],
      ['--workers', '0'],
      ['--workers', 'two'],
      ['--account', '12345'],
      ['--fault', 'unknown'],
      ['--fault', 'no-throttle', '--fault', 'unknown'],
      ['positional'],
      ['--quota', 'nonsense'],
      ['--quota-profile', 'nope'],
      ['--header-timeout', 'soon'],
      ['--request-timeout', '-1'],
      ['--max-connections', '0'],
      ['--header-timeout', '40s'], // over the 30 s request timeout
    ];
    const results = await Promise.all(
      cases.map((args, i) => kmsbench(['serve', '--data-dir', join(dir, `never-${i}`), '--port', '0', ...args])),
    );
    results.forEach((r, i) => {
      const what = `serve ${cases[i]!.join(' ')}`;
      expect({ what, code: r.code, signal: r.signal }).toEqual({ what, code: 2, signal: null });
      expect(r.stderr, what).toMatch(/^kmsbench serve: /);
      expect(r.stderr, what).toContain('kmsbench serve [options]');
      expect(r.stdout, what).not.toContain('listening on');
      expect(existsSync(join(dir, `never-${i}`)), `${what} created its data dir`).toBe(false);
    });
    expect(results[7]!.stderr).toContain("unknown --fault 'unknown'");
    expect(results[8]!.stderr).toContain("unknown --fault 'unknown'");
    expect(results[12]!.stderr).toContain('--header-timeout must be a duration');
    expect(results[15]!.stderr).toContain('must not exceed the request timeout');
  });

  it('--header-timeout and --max-connections: a silent connection gets 408 and is closed; connections over the cap are closed at once', async () => {
    const server = await startServe({ dataDir: join(tempDir(), 'data'), workers: 1, extraArgs: ['--header-timeout', '1s', '--max-connections', '2'] });
    const open = () => {
      const started = Date.now();
      const s = connect(server.port, '127.0.0.1');
      let text = '';
      s.on('data', (d) => (text += d.toString('latin1')));
      s.on('error', () => {});
      const closed = new Promise<number>((r) => s.on('close', () => r(Date.now() - started)));
      return { s, closed, text: () => text };
    };
    const [a, b] = [open(), open()];
    await sleep(200);
    const over = open();
    expect(await withTimeout(over.closed, 500, 'the connection over the cap was not closed at once')).toBeLessThan(500);
    expect(over.text()).toBe('');
    const ms = await withTimeout(a.closed, 5000, 'a silent connection was not closed');
    expect(ms).toBeGreaterThanOrEqual(900);
    expect(a.text()).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(a.text()).toContain('{"__type":"RequestTimeoutException","message":"Reading the request timed out."}');
    await withTimeout(b.closed, 5000, 'the second silent connection was not closed');
    // Below the cap again: served.
    await sdk(server.url).send(new ListKeysCommand({}));
  });

  it('the top level and clock refuse bad command lines with exit 2', async () => {
    const [none, unknown, noEndpoint, badDuration, badAction] = await Promise.all([
      kmsbench([]),
      kmsbench(['frobnicate']),
      kmsbench(['clock', 'advance', '8d']),
      kmsbench(['clock', 'advance', '8x', '--endpoint', 'http://127.0.0.1:9']),
      kmsbench(['clock', 'rewind', '--endpoint', 'http://127.0.0.1:9']),
    ]);
    expect(none.code).toBe(2);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    expect(noEndpoint.code).toBe(2);
    expect(noEndpoint.stderr).toContain('--endpoint URL is required');
    expect(badDuration.code).toBe(2);
    expect(badDuration.stderr).toContain("got '8x'");
    expect(badAction.code).toBe(2);
  });

  it('clock against an endpoint where nothing listens fails with exit 1, not a hang', async () => {
    const r = await kmsbench(['clock', 'show', '--endpoint', 'http://127.0.0.1:9']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^kmsbench clock: /);
  });

  it.each([1, 2])('serve on a port already in use exits 1 and leaves nothing running (--workers %d)', async (workers) => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const port = (blocker.address() as AddressInfo).port;
      const r = await kmsbench(['serve', '--port', String(port), '--data-dir', join(tempDir(), 'data'), '--workers', String(workers)]);
      expect(r.code).toBe(1);
      expect(r.stdout).not.toContain('listening on');
      expect(r.stderr).toContain('EADDRINUSE');
    } finally {
      blocker.close();
    }
  });
});
