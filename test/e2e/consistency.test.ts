/**
 * Cross-worker consistency of `kmsbench serve --workers 2`: many keep-alive connections (spread
 * over both worker processes, each with its own record cache), a state change made through one
 * request, and then every connection must see it on its very next request.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DIST_BUILT,
  killAllServers,
  kmsbench,
  NOT_BUILT_REASON,
  owningWorkers,
  PinnedConnection,
  removeTempDirs,
  startServe,
  tempDir,
  type Reply,
  type ServerProcess,
} from './harness.js';

const CONNECTIONS = 16;
let server: ServerProcess;
let conns: PinnedConnection[] = [];

beforeAll(async () => {
  if (!DIST_BUILT) return;
  // Request quotas are not under test: 60 DisableKey/EnableKey flips a second would be throttled
  // (5/s each, as in AWS), and a ThrottlingException would hide what the test looks for.
  server = await startServe({ dataDir: join(tempDir(), 'data'), workers: 2, extraArgs: ['--no-quotas'] });
  conns = Array.from({ length: CONNECTIONS }, () => new PinnedConnection(server.url));
});

afterAll(async () => {
  for (const c of conns) c.close();
  await killAllServers();
  removeTempDirs();
});

const b64 = (s: string) => Buffer.from(s).toString('base64');

/** The same call on every connection at once; returns the replies in connection order. */
const everywhere = (operation: string, body: object): Promise<Reply[]> => Promise.all(conns.map((c) => c.call(operation, body)));

/** `rounds` times: every connection in parallel, then every connection one after another. */
async function expectEverywhere(operation: string, body: object, check: (r: Reply, i: number) => void, rounds = 2): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    (await everywhere(operation, body)).forEach(check);
    for (let i = 0; i < conns.length; i++) check(await conns[i]!.call(operation, body), i);
  }
}

const errorIs = (code: string) => (r: Reply, i: number) => {
  expect({ connection: i, status: r.status, code: r.errorCode }).toEqual({ connection: i, status: 400, code });
};
const succeeds = (r: Reply, i: number) => {
  expect({ connection: i, status: r.status, code: r.errorCode }).toEqual({ connection: i, status: 200, code: undefined });
};

describe.skipIf(!DIST_BUILT)(`cross-worker consistency, kmsbench serve --workers 2${DIST_BUILT ? '' : ` (${NOT_BUILT_REASON})`}`, () => {
  let keyId: string;
  let keyArn: string;
  let otherArn: string;
  let ciphertext: string;
  const alias = `alias/xw-${randomUUID().slice(0, 8)}`;

  it('keep-alive connections are spread over both workers and each warms its worker cache', async () => {
    const created = await conns[0]!.call('CreateKey', { Description: 'cross-worker' });
    expect(created.status).toBe(200);
    const meta = created.json.KeyMetadata as { KeyId: string; Arn: string };
    keyId = meta.KeyId;
    keyArn = meta.Arn;
    otherArn = ((await conns[1]!.call('CreateKey', {})).json.KeyMetadata as { Arn: string }).Arn;
    expect((await conns[2]!.call('CreateAlias', { AliasName: alias, TargetKeyId: keyId })).status).toBe(200);

    // Warm every connection's worker: key record and alias now cached there.
    await expectEverywhere('Encrypt', { KeyId: keyId, Plaintext: b64('warm') }, succeeds, 1);
    await expectEverywhere('Encrypt', { KeyId: alias, Plaintext: b64('warm') }, (r, i) => {
      succeeds(r, i);
      expect(r.json.KeyId).toBe(keyArn);
    }, 1);
    const enc = await conns[3]!.call('Encrypt', { KeyId: keyId, Plaintext: b64('made before any change'), EncryptionContext: { k: 'v' } });
    ciphertext = enc.json.CiphertextBlob as string;

    // Every connection kept one socket (keep-alive really used).
    for (const c of conns) expect(c.localPorts.size).toBe(1);

    // The primary serves too (reference-impl/cluster/primary.ts): two workers are two processes.
    const workers = server.servingPids();
    if (workers === undefined) {
      console.warn('not Linux: cannot check which worker serves each connection');
      return;
    }
    expect(workers).toHaveLength(2);
    const owners = owningWorkers(server.port, conns.map((c) => c.localPort!), workers);
    if (owners === undefined) return;
    const perWorker = new Map<number | undefined, number>();
    for (const pid of owners.values()) perWorker.set(pid, (perWorker.get(pid) ?? 0) + 1);
    // Every connection is held by one of the two workers, and both workers hold some.
    expect([...perWorker.keys()].sort()).toEqual([...workers].sort());
  });

  it('DisableKey through one request: every connection gets DisabledException at once; EnableKey undoes it everywhere', async () => {
    expect((await conns[5]!.call('DisableKey', { KeyId: keyId })).status).toBe(200);
    await expectEverywhere('Encrypt', { KeyId: keyId, Plaintext: b64('x') }, errorIs('DisabledException'));
    await expectEverywhere('Encrypt', { KeyId: alias, Plaintext: b64('x') }, errorIs('DisabledException'));
    await expectEverywhere('Decrypt', { CiphertextBlob: ciphertext, EncryptionContext: { k: 'v' } }, errorIs('DisabledException'));
    await expectEverywhere('GenerateDataKey', { KeyId: keyId, KeySpec: 'AES_256' }, errorIs('DisabledException'));
    await expectEverywhere('DescribeKey', { KeyId: keyId }, (r, i) => {
      succeeds(r, i);
      expect((r.json.KeyMetadata as { KeyState: string }).KeyState).toBe('Disabled');
    }, 1);

    expect((await conns[12]!.call('EnableKey', { KeyId: keyId })).status).toBe(200);
    await expectEverywhere('Encrypt', { KeyId: keyId, Plaintext: b64('x') }, succeeds);
    await expectEverywhere('Decrypt', { CiphertextBlob: ciphertext, EncryptionContext: { k: 'v' } }, (r, i) => {
      succeeds(r, i);
      expect(Buffer.from(r.json.Plaintext as string, 'base64').toString()).toBe('made before any change');
    }, 1);
  });

  it('flip-flop: alternating Disable/Enable from different connections is seen by the next request everywhere', async () => {
    for (let n = 0; n < 60; n++) {
      const disable = n % 2 === 0;
      const writer = conns[(n * 5) % CONNECTIONS]!;
      expect((await writer.call(disable ? 'DisableKey' : 'EnableKey', { KeyId: keyId })).status).toBe(200);
      (await everywhere('Encrypt', { KeyId: keyId, Plaintext: b64('x') })).forEach(disable ? errorIs('DisabledException') : succeeds);
    }
  });

  it('UpdateAlias through one request retargets the alias for every connection', async () => {
    expect((await conns[7]!.call('UpdateAlias', { AliasName: alias, TargetKeyId: otherArn.split('/').pop() })).status).toBe(200);
    await expectEverywhere('Encrypt', { KeyId: alias, Plaintext: b64('x') }, (r, i) => {
      succeeds(r, i);
      expect({ connection: i, keyId: r.json.KeyId }).toEqual({ connection: i, keyId: otherArn });
    });
    expect((await conns[8]!.call('UpdateAlias', { AliasName: alias, TargetKeyId: keyId })).status).toBe(200);
    await expectEverywhere('Encrypt', { KeyId: alias, Plaintext: b64('x') }, (r, i) => {
      succeeds(r, i);
      expect({ connection: i, keyId: r.json.KeyId }).toEqual({ connection: i, keyId: keyArn });
    }, 1);
  });

  it('ScheduleKeyDeletion, then `kmsbench clock advance 31d`: NotFoundException on every connection', async () => {
    const scheduled = await conns[9]!.call('ScheduleKeyDeletion', { KeyId: keyId, PendingWindowInDays: 7 });
    expect(scheduled.status).toBe(200);
    await expectEverywhere('Encrypt', { KeyId: keyId, Plaintext: b64('x') }, errorIs('KMSInvalidStateException'), 1);
    const pendingEverywhere = () =>
      expectEverywhere('DescribeKey', { KeyId: keyId }, (r, i) => {
        succeeds(r, i);
        expect((r.json.KeyMetadata as { KeyState: string }).KeyState).toBe('PendingDeletion');
      }, 1);
    await pendingEverywhere();

    // Six days on: still pending everywhere.
    const early = await kmsbench(['clock', 'advance', '6d', '--endpoint', server.url]);
    expect(early.code, early.stderr).toBe(0);
    await pendingEverywhere();

    const advanced = await kmsbench(['clock', 'advance', '31d', '--endpoint', server.url]);
    expect(advanced.code, advanced.stderr).toBe(0);
    expect(advanced.stdout).toMatch(/offset 37d0h0m0s/);
    expect(advanced.stdout).toMatch(/keys deleted 1\b/);

    await expectEverywhere('Encrypt', { KeyId: keyId, Plaintext: b64('x') }, errorIs('NotFoundException'));
    await expectEverywhere('DescribeKey', { KeyId: keyId }, errorIs('NotFoundException'));
    await expectEverywhere('DescribeKey', { KeyId: keyArn }, errorIs('NotFoundException'));
    // Deleting a key deletes its aliases.
    await expectEverywhere('Encrypt', { KeyId: alias, Plaintext: b64('x') }, errorIs('NotFoundException'));
    // Old ciphertext can no longer be decrypted, and every worker says so the same way.
    const decrypts = await everywhere('Decrypt', { CiphertextBlob: ciphertext, EncryptionContext: { k: 'v' } });
    expect(new Set(decrypts.map((r) => `${r.status} ${r.errorCode}`)).size).toBe(1);
    expect(decrypts[0]!.status).toBe(400);
    // The key is gone from listings served by every worker.
    await expectEverywhere('ListKeys', { Limit: 1000 }, (r, i) => {
      succeeds(r, i);
      const ids = (r.json.Keys as Array<{ KeyId: string }>).map((k) => k.KeyId);
      expect({ connection: i, listed: ids.includes(keyId) }).toEqual({ connection: i, listed: false });
    }, 1);
    // The other key, never scheduled, is untouched, and the clock reads the same on every worker.
    await expectEverywhere('Encrypt', { KeyId: otherArn, Plaintext: b64('x') }, succeeds, 1);
    const clocks = await Promise.all(conns.map((c) => c.call('GetClock', {}, 'KmsBench')));
    for (const c of clocks) expect(c.json.OffsetSeconds).toBe(37 * 86_400);
  });
});
