import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RSA_ENCRYPTION_ALGORITHMS, RSA_SIGNING_ALGORITHMS } from './rsa-algorithms.js';

interface Example {
  output?: { KeyMetadata?: { KeySpec?: string; KeyUsage?: string; EncryptionAlgorithms?: string[]; SigningAlgorithms?: string[] } };
}

const { examples } = JSON.parse(readFileSync(new URL('../spec/kms-2014-11-01.examples-1.json', import.meta.url), 'utf8')) as {
  examples: Record<string, Example[]>;
};

/** The KeyMetadata of AWS's examples of RSA keys with `usage`. */
const rsaKeyMetadata = (usage: string) =>
  Object.values(examples).flat().map((e) => e.output?.KeyMetadata).filter((m) => m?.KeySpec?.startsWith('RSA_') && m.KeyUsage === usage);

describe('the RSA algorithm lists', () => {
  it("are AWS's, in AWS's order (examples-1.json)", () => {
    const enc = rsaKeyMetadata('ENCRYPT_DECRYPT');
    const sign = rsaKeyMetadata('SIGN_VERIFY');
    expect(enc.length).toBeGreaterThan(0);
    expect(sign.length).toBeGreaterThan(0);
    for (const m of enc) expect(m?.EncryptionAlgorithms).toEqual(RSA_ENCRYPTION_ALGORITHMS);
    for (const m of sign) expect(m?.SigningAlgorithms).toEqual(RSA_SIGNING_ALGORITHMS);
  });
});
