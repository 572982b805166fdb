import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { UsageError } from './args.js';
import { plan } from './plan.js';
import { exportK6 } from './export-k6.js';

const EXAMPLE = fileURLToPath(new URL('../suites/workloads/ecc-signing-service.yaml', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'kmsbench-plan-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function capture(fn: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  try {
    await fn();
  } finally {
    spy.mockRestore();
  }
  return lines.join('\n');
}

describe('kmsbench plan', () => {
  it('prints the tables; --simulate adds the simulation; --out writes JSON', async () => {
    const out = join(dir, 'plan.json');
    const text = await capture(() => plan([EXAMPLE, '--simulate', '--seconds', '5', '--out', out]));
    expect(text).toContain('Quota classes at peak');
    expect(text).toContain('Simulation: 5 simulated s');
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.kind).toBe('kmsbench.plan');
    expect(json.simulation.kind).toBe('kmsbench.simulation');
  });

  it('--json prints only JSON; what-if flags apply', async () => {
    const text = await capture(() => plan([EXAMPLE, '--json', '--quota', 'ecc=5000', '--region', 'us-east-1']));
    const json = JSON.parse(text);
    expect(json.workload.region).toBe('us-east-1');
    expect(json.classes.find((c: { cls: string }) => c.cls === 'ecc').status).toBe('ok');
  });

  it('usage errors: missing file, bad schema, unknown profile, bad quota override', async () => {
    await expect(plan([])).rejects.toThrow(UsageError);
    await expect(plan([join(dir, 'nope.yaml')])).rejects.toThrow(/cannot read/);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'name: x\nregion: us-east-1\nkeys: []\nservices: []\n');
    await expect(plan([bad])).rejects.toThrow(/invalid workload/);
    await expect(plan([EXAMPLE, '--quota-profile', 'nope'])).rejects.toThrow(/unknown --quota-profile/);
    await expect(plan([EXAMPLE, '--quota', 'symetric=5'])).rejects.toThrow(/did you mean symmetric/);
  });

  it('--schema prints the JSON Schema', async () => {
    expect(JSON.parse(await capture(() => plan(['--schema']))).title).toBe('kmsbench capacity-planning workload');
  });
});

describe('kmsbench export-k6', () => {
  it('writes the script and says how to run it', async () => {
    const out = join(dir, 'curve.js');
    const text = await capture(() => exportK6(['--suite', 'throttle-curve', '--region', 'eu-west-1', '--out', out]));
    expect(text).toContain('run: KMS_ENDPOINT=<url> AWS_REGION=eu-west-1 k6 run');
    expect(readFileSync(out, 'utf8')).toContain("executor: 'ramping-arrival-rate'");
  });

  it('usage errors', async () => {
    await expect(exportK6(['--out', join(dir, 'x.js')])).rejects.toThrow(/missing --suite/);
    await expect(exportK6(['--suite', 'nope', '--out', join(dir, 'x.js')])).rejects.toThrow(/unknown --suite/);
    await expect(exportK6(['--suite', 'workload', '--out', join(dir, 'x.js')])).rejects.toThrow(/--workload FILE/);
    await expect(exportK6(['--suite', 'latency', '--ops', 'Sign', '--out', join(dir, 'x.js')])).rejects.toThrow(UsageError);
    await expect(exportK6(['--suite', 'latency', '--duration', 'forever', '--out', join(dir, 'x.js')])).rejects.toThrow(/k6 duration/);
  });
});
