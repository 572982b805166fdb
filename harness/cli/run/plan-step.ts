/**
 * The main job's plan step: the capacity plan of an example workload (suites/workloads/) in
 * OUT/plan/plan.json, for the report.
 *
 * @module
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWorkloadText, planWorkload } from '../../plan/index.js';
import { ROOT } from '../paths.js';

const EXAMPLE_WORKLOAD = 'microservice-fleet-envelope-caching.yaml';

export function planStep(outDir: string): void {
  if (!ROOT) return;
  const file = join(ROOT, 'suites', 'workloads', EXAMPLE_WORKLOAD);
  if (!existsSync(file)) return;
  const plan = planWorkload(parseWorkloadText(readFileSync(file, 'utf8'), file));
  const dir = join(outDir, 'plan');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'plan.json'), `${JSON.stringify(plan, null, 2)}\n`);
}
