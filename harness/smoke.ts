/**
 * A short end-to-end check of a KMS endpoint through the unmodified AWS SDK: create a key,
 * encrypt/decrypt with a context, refuse a wrong context, alias it, rotate it, disable it,
 * schedule its deletion. Used by `kmsbench run` until the full conformance suite replaces it.
 *
 * @module
 */
import {
  CreateAliasCommand,
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  KMSClient,
  RotateKeyOnDemandCommand,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import { clientCredentials } from './cli/args.js';

export interface SmokeResult {
  name: string;
  ok: boolean;
  detail?: string;
}

export async function smokeTest(target: { endpoint: string; region: string }): Promise<SmokeResult[]> {
  const kms = new KMSClient({
    endpoint: target.endpoint,
    region: target.region,
    credentials: clientCredentials(),
    maxAttempts: 1,
  });
  const results: SmokeResult[] = [];
  const step = async (name: string, fn: () => Promise<string | void>) => {
    try {
      const detail = await fn();
      results.push({ name, ok: true, ...(detail ? { detail } : {}) });
    } catch (e) {
      results.push({ name, ok: false, detail: `${(e as Error).name}: ${(e as Error).message}` });
    }
  };
  const errorName = async (p: Promise<unknown>) => {
    try {
      await p;
      return 'no error';
    } catch (e) {
      return (e as Error).name;
    }
  };
  const expect = (cond: boolean, what: string) => {
    if (!cond) throw new Error(what);
  };
  let keyId = '';
  let blob: Uint8Array = new Uint8Array();
  const plaintext = new TextEncoder().encode('kmsbench smoke test');
  const context = { purpose: 'smoke', tenant: 'a' };
  try {
    await step('CreateKey', async () => {
      const r = await kms.send(new CreateKeyCommand({ Description: 'kmsbench smoke test' }));
      keyId = r.KeyMetadata!.KeyId!;
      expect(r.KeyMetadata?.KeyState === 'Enabled', `state ${r.KeyMetadata?.KeyState}`);
      return keyId;
    });
    await step('Encrypt with encryption context', async () => {
      const r = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: plaintext, EncryptionContext: context }));
      blob = r.CiphertextBlob!;
      return `${blob.length}-byte blob`;
    });
    await step('Decrypt without KeyId', async () => {
      const r = await kms.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: context }));
      expect(Buffer.from(r.Plaintext!).equals(Buffer.from(plaintext)), 'plaintext differs');
    });
    await step('Decrypt with a different context is refused', async () => {
      const name = await errorName(kms.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: { purpose: 'smoke' } })));
      expect(name === 'InvalidCiphertextException', name);
    });
    await step('CreateAlias + DescribeKey by alias', async () => {
      const alias = `alias/kmsbench-smoke-${Date.now()}`;
      await kms.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: keyId }));
      const r = await kms.send(new DescribeKeyCommand({ KeyId: alias }));
      expect(r.KeyMetadata?.KeyId === keyId, 'alias resolves to another key');
    });
    await step('GenerateDataKey AES_256', async () => {
      const r = await kms.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256' }));
      expect(r.Plaintext?.length === 32, `plaintext length ${r.Plaintext?.length}`);
    });
    await step('RotateKeyOnDemand; old ciphertext still decrypts', async () => {
      await kms.send(new RotateKeyOnDemandCommand({ KeyId: keyId }));
      const r = await kms.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: context }));
      expect(Buffer.from(r.Plaintext!).equals(Buffer.from(plaintext)), 'plaintext differs');
    });
    await step('DisableKey; Encrypt refused with DisabledException', async () => {
      await kms.send(new DisableKeyCommand({ KeyId: keyId }));
      const name = await errorName(kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: plaintext })));
      expect(name === 'DisabledException', name);
    });
    await step('ScheduleKeyDeletion (7 days)', async () => {
      const r = await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
      expect(r.KeyState === 'PendingDeletion', `state ${r.KeyState}`);
    });
  } finally {
    kms.destroy();
  }
  return results;
}
