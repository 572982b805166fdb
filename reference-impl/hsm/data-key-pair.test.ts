import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SHAPES } from '../../common/model/model.js';
import type { DataKeyPairSpec } from '../../common/model/schemas.js';
import { keySpecOfKey } from './asymmetric-keys.js';
import { DATA_KEY_PAIR_GENERATORS, generateDataKeyPair } from './data-key-pair.js';

const MODEL_SPECS = [...(SHAPES.DataKeyPairSpec as { enum: readonly string[] }).enum] as DataKeyPairSpec[];

describe('generateDataKeyPair', () => {
  it("has an entry for exactly the model's KeyPairSpec enum", () => {
    expect(Object.keys(DATA_KEY_PAIR_GENERATORS).sort()).toEqual([...MODEL_SPECS].sort());
  });

  it.each(MODEL_SPECS.filter((s) => s !== 'SM2'))('%s: PKCS#8 private key and matching SPKI public key', (spec) => {
    const { privateKey, publicKey } = generateDataKeyPair(spec);
    const priv = createPrivateKey({ key: privateKey, format: 'der', type: 'pkcs8' });
    const pub = createPublicKey({ key: publicKey, format: 'der', type: 'spki' });
    expect(keySpecOfKey(priv)).toBe(spec);
    const hash = priv.asymmetricKeyType === 'ed25519' ? null : 'sha256';
    expect(verify(hash, Buffer.from('x'), pub, sign(hash, Buffer.from('x'), priv))).toBe(true);
  });

  it('refuses SM2 as outside China', () => {
    expect(() => generateDataKeyPair('SM2')).toThrow(
      expect.objectContaining({ code: 'UnsupportedOperationException', message: 'KeyPairSpec SM2 is not supported in this Region' }),
    );
  });
});
