/**
 * `node dist/reference-impl/xks-proxy/cli.js` — run the reference XKS proxy.
 *
 * ```
 * --port 8080 --host 127.0.0.1 --uri-path /kms/xks/v1
 * --access-key-id AKIA... --secret-access-key ...        (repeatable as pairs; or XKS_ACCESS_KEY_ID / XKS_SECRET_ACCESS_KEY)
 * --token LABEL --pin PIN [--pkcs11-library /usr/lib/softhsm/libsofthsm2.so]   (PKCS#11 key manager)
 * --software                                              (in-memory key manager)
 * --create-key ID                                         (repeatable: AES-256 keys to create first)
 * ```
 * Prints `listening <url>` and runs until SIGINT/SIGTERM.
 *
 * @module
 */
import { parseArgs } from 'node:util';
import { Pkcs11Ekm, SoftwareEkm, type ExternalKeyManager } from './ekm.js';
import { startXksProxy } from './server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8080' },
    host: { type: 'string', default: '127.0.0.1' },
    'uri-path': { type: 'string', default: '/kms/xks/v1' },
    'access-key-id': { type: 'string', multiple: true },
    'secret-access-key': { type: 'string', multiple: true },
    token: { type: 'string' },
    pin: { type: 'string' },
    'pkcs11-library': { type: 'string' },
    software: { type: 'boolean', default: false },
    'create-key': { type: 'string', multiple: true },
  },
});

const ids = values['access-key-id'] ?? (process.env.XKS_ACCESS_KEY_ID ? [process.env.XKS_ACCESS_KEY_ID] : []);
const secrets = values['secret-access-key'] ?? (process.env.XKS_SECRET_ACCESS_KEY ? [process.env.XKS_SECRET_ACCESS_KEY] : []);
if (ids.length === 0 || ids.length !== secrets.length) {
  console.error('xks-proxy: give --access-key-id and --secret-access-key in pairs');
  process.exit(2);
}
let ekm: ExternalKeyManager;
if (values.software) {
  const s = new SoftwareEkm();
  for (const id of values['create-key'] ?? []) s.createKey(id);
  ekm = s;
} else {
  if (!values.token || values.pin === undefined) {
    console.error('xks-proxy: give --token and --pin (a PKCS#11 token), or --software');
    process.exit(2);
  }
  const p = new Pkcs11Ekm(values.token, values.pin, values['pkcs11-library']);
  for (const id of values['create-key'] ?? []) p.createKey(id);
  ekm = p;
}
const proxy = await startXksProxy({
  ekm,
  credentials: ids.map((accessKeyId, i) => ({ accessKeyId, secretAccessKey: secrets[i]! })),
  uriPath: values['uri-path'],
  port: Number(values.port),
  host: values.host,
});
console.log(`listening ${proxy.url}${values['uri-path']}`);
const stop = () => void proxy.close().then(() => {
  ekm.close?.();
  process.exit(0);
});
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
