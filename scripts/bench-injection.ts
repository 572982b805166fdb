/**
 * `npm run bench:injection`: what the injection hook costs the pipeline's synchronous fast path
 * when nothing is injected. One process's components (store, keyring, audit off, quotas off), a
 * pre-signed Encrypt of 1 KiB handed to `Pipeline.handle` in a tight loop: the server's own
 * pipeline (injection stage present, off) against a pipeline built from the same parts without
 * an injection stage at all, in alternating rounds; median ns per request of each, and the ratio.
 * Target: the ratio within run-to-run noise (about ±2 %).
 *
 * Options: --requests N per round (default 20000) --rounds N (default 7)
 *
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { signJsonRequest } from '../harness/client/sign.js';
import { createComponents } from '../reference-impl/components.js';
import { Pipeline, type PipelineDeps, type RawRequest } from '../reference-impl/protocol/pipeline.js';
import { resolveOptions } from '../reference-impl/server-options.js';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '20000' }, rounds: { type: 'string', default: '7' } } });
const requests = Number(values.requests);
const rounds = Number(values.rounds);
const endpoint = 'http://127.0.0.1:1';
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

const dir = mkdtempSync(join(tmpdir(), 'kmsbench-bench-injection-'));
const components = await createComponents(resolveOptions({ dataDir: dir, audit: false, quotas: { enabled: false } }));
try {
  const signed = async (target: string, body: unknown): Promise<RawRequest> => {
    const text = JSON.stringify(body);
    const s = await signJsonRequest({ endpoint, region: 'us-east-1', credentials, target, body: text });
    const headers: RawRequest['headers'] = {};
    for (const [k, v] of Object.entries(s.headers)) headers[k.toLowerCase()] = v;
    return { method: 'POST', url: '/', headers, body: Buffer.from(text) };
  };
  const created = components.pipeline.handle(await signed('TrentService.CreateKey', {}));
  const keyId = (JSON.parse(('then' in created ? await created : created).body) as { KeyMetadata: { KeyId: string } }).KeyMetadata.KeyId;
  const encrypt = await signed('TrentService.Encrypt', { KeyId: keyId, Plaintext: Buffer.alloc(1024, 7).toString('base64') });

  const withHook = components.pipeline;
  const deps = Reflect.get(withHook, 'deps') as PipelineDeps;
  const withoutHook = new Pipeline({ ...deps, injection: undefined });

  const round = (p: Pipeline): number => {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < requests; i++) {
      const r = p.handle(encrypt);
      if ('then' in r || r.status !== 200) throw new Error('the fast path went asynchronous or failed');
    }
    return Number(process.hrtime.bigint() - t0) / requests;
  };
  round(withHook); // warm up both
  round(withoutHook);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < rounds; i++) {
    a.push(round(withHook));
    b.push(round(withoutHook));
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  console.log(`Encrypt 1 KiB through Pipeline.handle, ${rounds} alternating rounds of ${requests} requests (median ns/request):`);
  console.log(`  injection stage present, off: ${median(a).toFixed(0)} ns   rounds: ${a.map((x) => x.toFixed(0)).join(' ')}`);
  console.log(`  no injection stage (baseline): ${median(b).toFixed(0)} ns   rounds: ${b.map((x) => x.toFixed(0)).join(' ')}`);
  console.log(`  ratio (present/baseline): ${(median(a) / median(b)).toFixed(3)}`);
} finally {
  await components.close();
  rmSync(dir, { recursive: true, force: true });
}
