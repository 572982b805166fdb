import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KmsError } from '../errors.js';
import { OPERATIONS, OPERATION_NAMES, SENSITIVE_MEMBERS, SHAPES, type ShapeDef } from '../../common/model/model.js';
import { validateRequest, type OperationName } from './index.js';

const KEY = '1234abcd-12ab-34cd-56ef-1234567890ab';

function errorOf(op: OperationName, body: unknown): KmsError | null {
  try {
    validateRequest(op, body);
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(KmsError);
    return e as KmsError;
  }
}

/**
 * A secret string whose every other character is a sentinel that no message contains: any
 * fragment of two characters or more that ends up in a message gives itself away.
 */
const SENTINEL = '\u00a7';
const marked = (min: number, max: number) =>
  fc.string({ minLength: min, maxLength: max }).map((s) => [...s].map((c) => SENTINEL + c).join('') + SENTINEL);

/** Every way the value could show up: as sent, and for bytes also decoded as text or hex. */
function leaks(message: string, sent: string, bytes?: Uint8Array): boolean {
  if (sent.length >= 4 && message.includes(sent)) return true;
  if (bytes && bytes.length >= 8) {
    const b = Buffer.from(bytes);
    for (const enc of ['latin1', 'utf8', 'hex', 'base64'] as const) {
      const text = b.toString(enc).slice(0, 16);
      if (text.length >= 8 && message.includes(text)) return true;
    }
  }
  return false;
}

describe('sensitive values never appear in a message', () => {
  it('Encrypt: plaintext over 4096 bytes gets the fixed message, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 4097, maxLength: 6000 }), (bytes) => {
        const sent = Buffer.from(bytes).toString('base64');
        const e = errorOf('Encrypt', { KeyId: KEY, Plaintext: sent });
        expect(e?.code).toBe('ValidationException');
        expect(e?.message).toBe(
          "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096",
        );
        expect(leaks(e!.message, sent, bytes)).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it('the message depends on the plaintext only through its length, also next to other errors', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 4097, maxLength: 5000 }),
        fc.string({ minLength: 0, maxLength: 3000 }),
        fc.constantFrom(undefined, 'ROT13', 'SYMMETRIC_DEFAULT'),
        (bytes, keyId, alg) => {
          const other = Buffer.alloc(bytes.length, 0x00);
          const body = (p: Uint8Array) => ({ KeyId: keyId, Plaintext: Buffer.from(p).toString('base64'), EncryptionAlgorithm: alg });
          const a = errorOf('Encrypt', body(bytes));
          const b = errorOf('Encrypt', body(other));
          expect(a?.message).toBe(b?.message);
          expect(leaks(a!.message, Buffer.from(bytes).toString('base64'), bytes)).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('plaintext that is not valid base64 is a SerializationException that quotes nothing', () => {
    const FIXED = /^(Base64 encoded length is expected a multiple of 4 bytes but found: \d+|Invalid Base64 character|Invalid last non-pad Base64 character dectected)$/;
    // Anything with a non-base64 character in it.
    fc.assert(
      fc.property(marked(1, 300), (junk) => {
        const e = errorOf('Encrypt', { KeyId: KEY, Plaintext: junk });
        expect(e?.code).toBe('SerializationException');
        expect(e!.message).toMatch(FIXED);
      }),
      { numRuns: 300 },
    );
    // Near-misses from the base64 alphabet, padding and the URL-safe characters.
    const near = fc
      .array(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_'), { minLength: 1, maxLength: 64 })
      .map((cs) => cs.join(''));
    fc.assert(
      fc.property(near, (junk) => {
        const e = errorOf('Encrypt', { KeyId: KEY, Plaintext: junk });
        if (e === null) return; // valid base64
        if (e.code === 'SerializationException') expect(e.message).toMatch(FIXED);
        else expect(e.message).toBe("1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length greater than or equal to 1");
      }),
      { numRuns: 500 },
    );
  });

  it('sensitive strings (key store password, XKS credentials) are never quoted', () => {
    fc.assert(
      fc.property(marked(2, 40), marked(0, 40), marked(0, 40), (password, accessKeyId, rawSecret) => {
        const e = errorOf('CreateCustomKeyStore', {
          CustomKeyStoreName: 'store',
          KeyStorePassword: password,
          XksProxyAuthenticationCredential: { AccessKeyId: accessKeyId, RawSecretAccessKey: rawSecret },
        });
        expect(e?.code).toBe('ValidationException');
        expect(e!.message).not.toContain(SENTINEL);
      }),
      { numRuns: 300 },
    );
    const e = errorOf('CreateCustomKeyStore', { CustomKeyStoreName: 'store', KeyStorePassword: 'hunter2hunter2hunter2hunter2hunter2' });
    expect(e?.message).toBe(
      "1 validation error detected: Value at 'keyStorePassword' failed to satisfy constraint: Member must have length less than or equal to 32",
    );
  });

  it('a missing sensitive member is reported without a value', () => {
    expect(errorOf('Encrypt', { KeyId: KEY })?.message).toBe(
      "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must not be null",
    );
  });

  it('no operation quotes a sensitive member, whatever is sent in it (all operations)', () => {
    const withSensitive = OPERATION_NAMES.filter((op) => (OPERATIONS[op].input as string) in SENSITIVE_MEMBERS);
    expect(withSensitive.length).toBeGreaterThan(0);
    const secretBytes = fc.uint8Array({ minLength: 0, maxLength: 9000 });
    const secretString = marked(0, 60);
    for (const op of withSensitive) {
      const inputShape = OPERATIONS[op].input as keyof typeof SENSITIVE_MEMBERS;
      const def = SHAPES[inputShape] as Extract<ShapeDef, { type: 'structure' }>;
      fc.assert(
        fc.property(secretBytes, secretString, (bytes, s) => {
          const body: Record<string, unknown> = { KeyId: '', CiphertextBlob: '' }; // extra errors around it
          const sent: [string, Uint8Array | undefined][] = [];
          for (const m of SENSITIVE_MEMBERS[inputShape]) {
            const target = (SHAPES as Record<string, ShapeDef>)[def.members[m]];
            if (target.type === 'blob') {
              body[m] = Buffer.from(bytes).toString('base64');
              sent.push([body[m] as string, bytes]);
            } else {
              body[m] = s;
              sent.push([s, undefined]);
            }
          }
          const e = errorOf(op, body);
          if (e === null) return;
          expect(e.message).not.toContain(SENTINEL);
          for (const [v, b] of sent) expect(leaks(e.message, v, b), `${op}: ${e.message}`).toBe(false);
        }),
        { numRuns: 40 },
      );
    }
  });
});
