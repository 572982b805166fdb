/**
 * Ciphertext tamper: every single-bit flip of a real blob, in every field, must be refused with
 * `InvalidCiphertextException` (a flipped key id: or AccessDeniedException, as AWS answers for a
 * blob naming a key that does not exist); and a whole, untouched blob must not decrypt where it does not
 * belong: under another key named in the call, by another account on the same server and
 * store, or on the same store served as another Region.
 *
 * Blob fields (black-box description of the format written by the server, reference-impl/hsm/blob.ts):
 * version (1 byte), key id (16), backing-key version (4), IV (12), GCM tag (16), body (n).
 *
 * @module
 */
import { join } from 'node:path';
import { startServe, tempDir } from '../e2e/harness.js';
import { Kms, PRINCIPALS, writeCredentialsFile } from './support.js';

export const BLOB_FIELDS: ReadonlyArray<readonly [name: string, from: number, to: number]> = [
  ['version', 0, 1],
  ['key id', 1, 17],
  ['backing-key version', 17, 21],
  ['IV', 21, 33],
  ['tag', 33, 49],
  ['body', 49, Infinity],
];

/**
 * What a flip in a field may get. A flipped key id names a key that does not exist: AWS answers
 * that with AccessDeniedException (spec/aws-observed.md C8, X3), so it is allowed there.
 */
export const ALLOWED_FOR_FIELD = (field: string): string[] =>
  field === 'key id' ? ['InvalidCiphertextException', 'AccessDeniedException'] : ['InvalidCiphertextException'];

export interface TamperResult {
  bitsFlipped: number;
  /** Refused with a code allowed for the field. */
  bitsRefused: number;
  /** Field → reply (`400 Code`) → count, for every flip. */
  replies: Record<string, Record<string, number>>;
  /** Flips that decrypted, failed with 5xx, or got a code not allowed for the field. */
  violations: number;
  /** Cross-key / cross-account / cross-Region attempts: name → the reply's status and code. */
  foreign: Record<string, string>;
  foreignRefused: number;
  foreignTried: number;
}

const fieldOf = (byte: number) => BLOB_FIELDS.find(([, a, b]) => byte >= a && byte < b)![0];

export interface TamperOptions {
  /** Flip every bit of this many blobs (of different plaintext sizes). */
  blobs: number;
  concurrency: number;
  log?: (line: string) => void;
}

export async function runTamper(o: TamperOptions): Promise<TamperResult> {
  const dir = tempDir('kmsbench-tamper-');
  const dataDir = join(dir, 'data');
  const credentials = writeCredentialsFile(dir);
  const res: TamperResult = { bitsFlipped: 0, bitsRefused: 0, replies: {}, violations: 0, foreign: {}, foreignRefused: 0, foreignTried: 0 };
  const context = { purpose: 'tamper' };
  // The same store served as eu-west-1 first: a key and a blob there.
  const west = await startServe({ dataDir, workers: 1, extraArgs: ['--no-quotas', '--region', 'eu-west-1', '--credentials', credentials] });
  let westBlob: string;
  try {
    const kw = new Kms(west.url, { region: 'eu-west-1' });
    const westKey = (await kw.ok<{ KeyMetadata: { KeyId: string } }>('CreateKey', {})).KeyMetadata.KeyId;
    westBlob = (await kw.ok<{ CiphertextBlob: string }>('Encrypt', { KeyId: westKey, Plaintext: 'd2VzdA==', EncryptionContext: context })).CiphertextBlob;
  } finally {
    await west.kill9();
  }
  const server = await startServe({ dataDir, workers: 2, extraArgs: ['--no-quotas', '--credentials', credentials] });
  try {
    const kms = new Kms(server.url);
    const bob = new Kms(server.url, { credentials: PRINCIPALS.bob.credentials });
    const key = (await kms.ok<{ KeyMetadata: { KeyId: string } }>('CreateKey', {})).KeyMetadata.KeyId;
    const other = (await kms.ok<{ KeyMetadata: { KeyId: string } }>('CreateKey', {})).KeyMetadata.KeyId;
    const bobKey = (await bob.ok<{ KeyMetadata: { KeyId: string } }>('CreateKey', {})).KeyMetadata.KeyId;

    for (let b = 0; b < o.blobs; b++) {
      const plaintext = Buffer.alloc(1 + b * 37, b + 1).toString('base64');
      const blob = Buffer.from((await kms.ok<{ CiphertextBlob: string }>('Encrypt', { KeyId: key, Plaintext: plaintext, EncryptionContext: context })).CiphertextBlob, 'base64');
      const bits = blob.length * 8;
      let next = 0;
      const worker = async () => {
        while (next < bits) {
          const bit = next++;
          const t = Buffer.from(blob);
          t[bit >> 3] ^= 1 << (bit & 7);
          const r = await kms.call('Decrypt', { CiphertextBlob: t.toString('base64'), EncryptionContext: context });
          res.bitsFlipped++;
          const field = fieldOf(bit >> 3);
          if (r.status === 400 && ALLOWED_FOR_FIELD(field).includes(r.errorCode ?? '')) res.bitsRefused++;
          else res.violations++;
          const f = (res.replies[field] ??= {});
          const code = r.status === 200 ? '200 (decrypted!)' : `${r.status} ${r.errorCode ?? ''}`;
          f[code] = (f[code] ?? 0) + 1;
        }
      };
      await Promise.all(Array.from({ length: o.concurrency }, worker));
      o.log?.(`tamper: blob ${b + 1}/${o.blobs} (${blob.length} bytes): ${bits} bits flipped`);
    }

    const blobOf = async (k: Kms, keyId: string) =>
      (await k.ok<{ CiphertextBlob: string }>('Encrypt', { KeyId: keyId, Plaintext: 'Zm9yZWlnbg==', EncryptionContext: context })).CiphertextBlob;
    const mine = await blobOf(kms, key);
    const bobs = await blobOf(bob, bobKey);
    const attempts: Array<[string, () => Promise<{ status: number; errorCode?: string }>]> = [
      ['blob of another key, that key named', () => kms.call('Decrypt', { CiphertextBlob: mine, EncryptionContext: context, KeyId: other })],
      ['blob of another key, ReEncrypt naming that key as source', () => kms.call('ReEncrypt', { CiphertextBlob: mine, SourceEncryptionContext: context, SourceKeyId: other, DestinationKeyId: other })],
      ['blob of account B, decrypted by account A', () => kms.call('Decrypt', { CiphertextBlob: bobs, EncryptionContext: context })],
      ['blob of account A, decrypted by account B', () => bob.call('Decrypt', { CiphertextBlob: mine, EncryptionContext: context })],
      ['blob of account A, ReEncrypted by account B to its key', () => bob.call('ReEncrypt', { CiphertextBlob: mine, SourceEncryptionContext: context, DestinationKeyId: bobKey })],
      ['blob of eu-west-1, decrypted in us-east-1 (same store)', () => kms.call('Decrypt', { CiphertextBlob: westBlob, EncryptionContext: context })],
      ['blob of us-east-1, decrypted signed for eu-west-1', () => kms.call('Decrypt', { CiphertextBlob: mine, EncryptionContext: context }, { region: 'eu-west-1' })],
    ];
    for (const [name, attempt] of attempts) {
      const r = await attempt();
      res.foreignTried++;
      res.foreign[name] = `${r.status} ${r.errorCode ?? ''}`.trim();
      if (r.status >= 400 && r.status < 500) res.foreignRefused++;
    }
  } finally {
    await server.destroy();
  }
  return res;
}
