// kmsbench in a Testcontainers test (Node): one container per test file, a clean store per test.
//
//   docker build -t kmsbench:local .          # from the kmsbench repository
//   npm install --save-dev testcontainers @aws-sdk/client-kms
//   node --test kms.test.mjs
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { GenericContainer, Wait } from 'testcontainers';
import { CreateKeyCommand, DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';

let container;
let endpoint;
let kms;

before(async () => {
  container = await new GenericContainer('kmsbench:local')
    .withEnvironment({
      KMSBENCH_EPHEMERAL: 'true', // nothing kept; POST /_kmsbench/reset between tests
      KMSBENCH_WORKERS: '1', // fastest start, smallest footprint
    })
    .withCopyFilesToContainer([{ source: fileURLToPath(new URL('../../seed/local-kms-seed.yaml', import.meta.url)), target: '/init/seed.yaml' }])
    .withExposedPorts(4599)
    .withWaitStrategy(Wait.forHttp('/_kmsbench/health', 4599).forStatusCode(200))
    .start();
  endpoint = `http://${container.getHost()}:${container.getMappedPort(4599)}`;
  kms = new KMSClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
});

after(async () => {
  kms?.destroy();
  await container?.stop();
});

// Back to the seeded state: created keys and the call counts go.
beforeEach(async () => {
  const r = await fetch(`${endpoint}/_kmsbench/reset`, { method: 'POST' });
  assert.equal(r.status, 200);
});

test('encrypts and decrypts with a seeded alias', async () => {
  const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: 'alias/testing', Plaintext: Buffer.from('hello') }));
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob }));
  assert.equal(Buffer.from(Plaintext).toString(), 'hello');
});

test('makes exactly the KMS calls we expect', async () => {
  await kms.send(new CreateKeyCommand({ Description: 'per-test key' }));
  const usage = await (await fetch(`${endpoint}/_kmsbench/usage`)).json();
  assert.deepEqual(usage.operations, { CreateKey: { calls: 1, throttled: 0, errors: 0 } });
});
