/**
 * `kmsbench xks-proxy`: run the reference external key store (XKS) proxy until SIGINT/SIGTERM,
 * so an external key store of a reference server (or of any KMS that can reach it) has a proxy
 * to talk to. Keys live in a software key manager (`--software`) or a PKCS#11 token
 * (`--pkcs11 LIB --token LABEL --pin PIN`, e.g. SoftHSM2's library).
 *
 * @module
 */
import { Pkcs11Ekm, SoftwareEkm, type ExternalKeyManager } from '../reference-impl/xks-proxy/ekm.js';
import { startXksProxy } from '../reference-impl/xks-proxy/server.js';
import { intOption, parse, UsageError } from './args.js';

export const xksProxyUsage = `kmsbench xks-proxy [options]
  --port PORT                 listen port, 0 for any free port (default 8080)
  --host HOST                 listen address (default 127.0.0.1; plain HTTP: put a TLS terminator in front for anything else)
  --uri-path PATH             [/prefix]/kms/xks/v1 (default /kms/xks/v1)
  --access-key-id ID          SigV4 credential KMS signs with (repeatable, paired with --secret-access-key;
  --secret-access-key SECRET  or XKS_ACCESS_KEY_ID / XKS_SECRET_ACCESS_KEY)
  --software                  keys in memory (lost when the proxy stops)
  --pkcs11 LIB                keys in a PKCS#11 token through this library (SoftHSM2: /usr/lib/softhsm/libsofthsm2.so)
  --token LABEL --pin PIN     the token and its user PIN (with --pkcs11)
  --create-key ID             create an AES-256 external key with this id first (repeatable)

A reference server reaches the proxy through its --xks-proxy map, e.g.
  kmsbench xks-proxy --software --create-key key-1 --access-key-id AKIAEXAMPLEXKSPROXY2 --secret-access-key ...
  kmsbench serve --xks-proxy https://xks.example.test=http://127.0.0.1:8080
and a CreateCustomKeyStore with XksProxyUriEndpoint https://xks.example.test.`;

export async function xksProxy(argv: string[]): Promise<void> {
  const { values } = parse(argv, {
    port: { type: 'string' },
    host: { type: 'string' },
    'uri-path': { type: 'string' },
    'access-key-id': { type: 'string', multiple: true },
    'secret-access-key': { type: 'string', multiple: true },
    software: { type: 'boolean' },
    pkcs11: { type: 'string' },
    token: { type: 'string' },
    pin: { type: 'string' },
    'create-key': { type: 'string', multiple: true },
  });
  if (values.help) {
    console.log(xksProxyUsage);
    return;
  }
  const ids = values['access-key-id'] ?? (process.env.XKS_ACCESS_KEY_ID ? [process.env.XKS_ACCESS_KEY_ID] : []);
  const secrets = values['secret-access-key'] ?? (process.env.XKS_SECRET_ACCESS_KEY ? [process.env.XKS_SECRET_ACCESS_KEY] : []);
  if (ids.length === 0 || ids.length !== secrets.length) throw new UsageError('give --access-key-id and --secret-access-key in pairs');
  if (values.software === (values.pkcs11 !== undefined)) throw new UsageError('give exactly one of --software and --pkcs11 LIB');
  let ekm: ExternalKeyManager;
  if (values.software) {
    const s = new SoftwareEkm();
    for (const id of values['create-key'] ?? []) s.createKey(id);
    ekm = s;
  } else {
    if (!values.token || values.pin === undefined) throw new UsageError('--pkcs11 needs --token LABEL and --pin PIN');
    const p = new Pkcs11Ekm(values.token, values.pin, values.pkcs11);
    for (const id of values['create-key'] ?? []) p.createKey(id);
    ekm = p;
  }
  const uriPath = values['uri-path'] ?? '/kms/xks/v1';
  const proxy = await startXksProxy({
    ekm,
    credentials: ids.map((accessKeyId, i) => ({ accessKeyId, secretAccessKey: secrets[i]! })),
    uriPath,
    port: intOption(values.port, 'port', 8080),
    host: values.host ?? '127.0.0.1',
  });
  console.log(`listening on ${proxy.url}${uriPath}`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await proxy.close();
  ekm.close?.();
}
