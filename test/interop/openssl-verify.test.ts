/**
 * Interop with OpenSSL's command line: a signature made by Sign through the unmodified AWS SDK
 * verifies with Debian's `/usr/bin/openssl dgst -verify` on the GetPublicKey key (DER SPKI turned
 * into PEM), for ECDSA (DER signatures) and RSASSA-PSS (salt length = digest length, as the
 * Key spec reference states). Skipped, with the reason printed, where openssl is not installed.
 */
import { execFileSync } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetPublicKeyCommand, SignCommand, type SigningAlgorithmSpec } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessKmsForFile } from '../support/in-process-kms.js';

const OPENSSL = '/usr/bin/openssl';
const HAVE_OPENSSL = existsSync(OPENSSL);
if (!HAVE_OPENSSL) console.warn(`openssl-verify.test: ${OPENSSL} not found — the OpenSSL interop checks are skipped`);

const t = inProcessKmsForFile();
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kmsbench-openssl-'));
});
afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Signs `message` through the SDK and runs `openssl dgst -verify`; returns whether OpenSSL said "Verified OK". */
async function opensslVerifies(keySpec: 'ECC_NIST_P256' | 'RSA_2048' | 'ECC_NIST_P384', alg: SigningAlgorithmSpec, digest: string, sigopts: string[], message: Buffer, tamper = false) {
  const key = await t.createKey({ KeySpec: keySpec, KeyUsage: 'SIGN_VERIFY' });
  const signed = await t.kms.send(new SignCommand({ KeyId: key.KeyId, Message: message, SigningAlgorithm: alg }));
  const pub = await t.kms.send(new GetPublicKeyCommand({ KeyId: key.KeyId }));
  const pem = createPublicKey({ key: Buffer.from(pub.PublicKey!), format: 'der', type: 'spki' }).export({ type: 'spki', format: 'pem' });
  const files = { pub: join(dir, `${key.KeyId}.pem`), sig: join(dir, `${key.KeyId}.sig`), msg: join(dir, `${key.KeyId}.msg`) };
  writeFileSync(files.pub, pem);
  writeFileSync(files.sig, Buffer.from(signed.Signature!));
  writeFileSync(files.msg, tamper ? Buffer.concat([message, Buffer.from('!')]) : message);
  try {
    const out = execFileSync(OPENSSL, ['dgst', `-${digest}`, '-verify', files.pub, ...sigopts.flatMap((o) => ['-sigopt', o]), '-signature', files.sig, files.msg], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return out.includes('Verified OK');
  } catch {
    return false; // openssl exits 1 on "Verification failure"
  }
}

describe.skipIf(!HAVE_OPENSSL)('openssl dgst -verify accepts signatures made by Sign through the SDK', () => {
  const message = Buffer.from('kmsbench: signed by the reference server, verified by OpenSSL\n');

  it('ECDSA_SHA_256 with an ECC_NIST_P256 key', async () => {
    expect(await opensslVerifies('ECC_NIST_P256', 'ECDSA_SHA_256', 'sha256', [], message)).toBe(true);
  });

  it('ECDSA_SHA_384 with an ECC_NIST_P384 key', async () => {
    expect(await opensslVerifies('ECC_NIST_P384', 'ECDSA_SHA_384', 'sha384', [], message)).toBe(true);
  });

  it('RSASSA_PSS_SHA_256 (salt = digest length) with an RSA_2048 key', async () => {
    expect(await opensslVerifies('RSA_2048', 'RSASSA_PSS_SHA_256', 'sha256', ['rsa_padding_mode:pss', 'rsa_pss_saltlen:digest'], message)).toBe(true);
  });

  it('RSASSA_PKCS1_V1_5_SHA_512 with an RSA_2048 key', async () => {
    expect(await opensslVerifies('RSA_2048', 'RSASSA_PKCS1_V1_5_SHA_512', 'sha512', [], message)).toBe(true);
  });

  it('and rejects the signature for another message', async () => {
    expect(await opensslVerifies('ECC_NIST_P256', 'ECDSA_SHA_256', 'sha256', [], message, true)).toBe(false);
  });
});
