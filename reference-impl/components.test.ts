/**
 * Where a serving process gets its key pairs (ServerOptions.keyPairs, hsm/key-pair-source.ts),
 * seen through the API: fresh pairs by default; with `test-pool`, each server draws distinct pairs
 * and a later server the same ones as an earlier one.
 */
import { CreateKeyCommand, GenerateDataKeyPairWithoutPlaintextCommand, GetPublicKeyCommand } from '@aws-sdk/client-kms';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startInProcessKms, type InProcessKms } from '../test/support/in-process-kms.js';
import { AuditLog } from './audit/audit-log.js';
import { createComponents } from './components.js';
import { Injector } from './inject/injector.js';
import { resolveOptions } from './server-options.js';
import { KeyStore } from './store/store.js';

const open: InProcessKms[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
});

async function server(keyPairs: 'fresh' | 'test-pool'): Promise<InProcessKms> {
  const t = await startInProcessKms({ server: { keyPairs } });
  open.push(t);
  return t;
}

/** The public keys of two data key pairs and of one new RSA_2048 KMS key, hex. */
async function publicKeys(t: InProcessKms): Promise<string[]> {
  const { KeyMetadata } = await t.kms.send(new CreateKeyCommand({}));
  const out: string[] = [];
  for (let i = 0; i < 2; i++) {
    const p = await t.kms.send(new GenerateDataKeyPairWithoutPlaintextCommand({ KeyId: KeyMetadata!.KeyId!, KeyPairSpec: 'ECC_NIST_P256' }));
    out.push(Buffer.from(p.PublicKey!).toString('hex'));
  }
  const rsa = await t.kms.send(new CreateKeyCommand({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' }));
  out.push(Buffer.from((await t.kms.send(new GetPublicKeyCommand({ KeyId: rsa.KeyMetadata!.KeyId! }))).PublicKey!).toString('hex'));
  return out;
}

describe('key pairs of a serving process', () => {
  it('fresh (the default): no pair is ever handed out twice, within a server or across servers', async () => {
    expect(resolveOptions({}).keyPairs).toBe('fresh');
    const [a, b] = [await publicKeys(await server('fresh')), await publicKeys(await server('fresh'))];
    expect(new Set([...a, ...b]).size).toBe(6);
  });

  it('test-pool: distinct within a server, the same pairs in the same order in the next server', async () => {
    const a = await publicKeys(await server('test-pool'));
    const b = await publicKeys(await server('test-pool'));
    expect(new Set(a).size).toBe(3);
    expect(b).toEqual(a);
  });

  it('test-pool serves one process only', () => {
    expect(() => resolveOptions({ keyPairs: 'test-pool', workers: 2 })).toThrow(RangeError);
    expect(() => resolveOptions({ keyPairs: 'reused' as never })).toThrow(RangeError);
  });
});

describe('a start that fails once the data dir is open', () => {
  it('closes the store and the audit file before it throws', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmsbench-components-'));
    const storeClosed = vi.spyOn(KeyStore.prototype, 'close');
    const auditClosed = vi.spyOn(AuditLog.prototype, 'close');
    const failing = vi.spyOn(Injector, 'write').mockImplementation(() => {
      throw new Error('disk full');
    });
    try {
      await expect(createComponents(resolveOptions({ dataDir: dir, audit: true }))).rejects.toThrow('disk full');
      expect(storeClosed).toHaveBeenCalledTimes(1);
      expect(auditClosed).toHaveBeenCalledTimes(1);
    } finally {
      failing.mockRestore();
      storeClosed.mockRestore();
      auditClosed.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
