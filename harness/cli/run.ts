/**
 * `kmsbench run` (what `npm start` runs): start the embedded reference server and exercise it.
 * Until the conformance and report stages land this is a smoke run through the real AWS SDK.
 *
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { smokeTest } from '../smoke.js';
import { startServer } from '../../reference-impl/server.js';
import { parse } from './args.js';

export const runUsage = `kmsbench run [--keep-data]
  Starts the embedded reference server on a free port and runs the main job against it.`;

export async function run(argv: string[]): Promise<void> {
  const { values } = parse(argv, { 'keep-data': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) return void console.log(runUsage);
  const dataDir = mkdtempSync(join(tmpdir(), 'kmsbench-run-'));
  const server = await startServer({ port: 0, dataDir, quotas: { enabled: false } });
  console.log(`embedded reference server: ${server.url} (data in ${dataDir})`);
  try {
    const results = await smokeTest({ endpoint: server.url, region: 'us-east-1' });
    for (const r of results) console.log(`${r.ok ? 'pass' : 'FAIL'}  ${r.name}${r.detail ? `  (${r.detail})` : ''}`);
    const failed = results.filter((r) => !r.ok).length;
    console.log(`${results.length - failed} passed, ${failed} failed`);
    if (failed > 0) process.exitCode = 1;
  } finally {
    await server.close();
    if (!values['keep-data']) rmSync(dataDir, { recursive: true, force: true });
  }
}
