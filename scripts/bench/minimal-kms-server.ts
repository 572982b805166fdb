/**
 * The baseline of `scripts/bench-server`: the least a KMS-like Encrypt endpoint can do in one
 * Node process — parse the JSON body, base64-decode the plaintext, AES-256-GCM encrypt it with
 * a fixed key, reply with JSON. No auth, no store, no validation, no audit.
 *
 * Prints `listening on http://127.0.0.1:PORT` when ready.
 *
 * @module
 */
import { createCipheriv, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const key = randomBytes(32);

const server = createServer({ keepAlive: true }, (req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { Plaintext: string; KeyId: string };
    const plaintext = Buffer.from(body.Plaintext, 'base64');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const ct = Buffer.concat([iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    const out = JSON.stringify({ CiphertextBlob: ct.toString('base64'), KeyId: body.KeyId, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' });
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'content-length': Buffer.byteLength(out) });
    res.end(out);
  });
});

server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
