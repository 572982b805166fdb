/**
 * `kmsbench plan WORKLOAD.yaml`: capacity plan of a workload (harness/plan/), optionally
 * simulated through the quota model (`--simulate`) or replayed against an endpoint (`--endpoint`).
 *
 * @module
 */
import { writeFileSync } from 'node:fs';
import { readTextFile } from '../common/read-text.js';
import { PROFILE_NAMES, QuotaConfigError } from '../common/quota/profiles.js';
import { envCredentials, parseEndpointUrl, TargetSpecError } from '../harness/target/index.js';
import { asUsageError, intOption, parse, UsageError, valueOptions } from './args.js';
import {
  formatPlan,
  formatReplay,
  formatSimulation,
  MAX_REPLAY_SECONDS,
  parseWorkloadText,
  planWorkload,
  replayWorkload,
  simulateWorkload,
  WorkloadError,
  workloadJsonSchema,
  type ReplayResult,
  type SimulationResult,
} from '../harness/plan/index.js';

export const planUsage = `kmsbench plan WORKLOAD.yaml [options]
  Per quota class: peak requests/s vs the Region's quota, headroom, whether an increase is
  needed, the data-key cache settings that would bring it under quota, and the monthly cost.
  Examples: suites/workloads/*.yaml; schema: suites/workloads/workload.schema.json.

  --region R             plan for another Region (what-if)
  --quota-profile NAME   quota era: ${PROFILE_NAMES.join(', ')}
  --quota CLASS=RATE     a granted quota increase (repeatable), e.g. symmetric=50000
  --peak-factor N        replace the workload's peak factor
  --simulate             run the arrivals (Poisson, at peak) through the quota model's token
                         buckets on a simulated clock; no server, no sleeping
  --seconds N            simulated seconds (default 60)
  --seed N               random seed (default 1)
  --cold-start           simulate with every data-key cache empty at t = 0 (default: warmed)
  --endpoint URL         replay the workload's request streams against a KMS endpoint
                         (open-model load, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or test/test)
  --scale X              replay at X × the peak rates (default 1), e.g. 0.01
  --duration S           replay seconds (default 10, at most ${MAX_REPLAY_SECONDS})
  --average              simulate / replay the average instead of the peak rates
  --json                 print the machine-readable result (JSON) instead of the tables
  --out FILE             also write the machine-readable result to FILE
  --schema               print the workload file's JSON Schema and exit`;

function numberOption(value: string | undefined, name: string, fallback: number, min: number, max = Infinity): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new UsageError(`--${name} must be a number in [${min}, ${max}], got '${value}'`);
  return n;
}

export async function plan(argv: string[]): Promise<void> {
  const { values, positionals } = parse(
    argv,
    {
      ...valueOptions('region', 'quota-profile', 'peak-factor', 'seconds', 'seed', 'endpoint', 'scale', 'duration', 'out'),
      quota: { type: 'string', multiple: true },
      simulate: { type: 'boolean' },
      'cold-start': { type: 'boolean' },
      average: { type: 'boolean' },
      json: { type: 'boolean' },
      schema: { type: 'boolean' },
    },
    true,
  );
  if (values.help) return void console.log(planUsage);
  if (values.schema) return void console.log(JSON.stringify(workloadJsonSchema, null, 2));
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `one workload file, got ${positionals.length}` : 'missing the workload file');
  const file = positionals[0]!;
  if (values['quota-profile'] !== undefined && !PROFILE_NAMES.includes(values['quota-profile']))
    throw new UsageError(`unknown --quota-profile '${values['quota-profile']}'; known: ${PROFILE_NAMES.join(', ')}`);

  const text = readTextFile(file, (m) => new UsageError(m));
  const workload = asUsageError(() => parseWorkloadText(text, file), WorkloadError, QuotaConfigError);
  const result = asUsageError(
    () =>
      planWorkload(workload, {
        ...(values.region ? { region: values.region } : {}),
        ...(values['quota-profile'] ? { quotaProfile: values['quota-profile'] } : {}),
        ...(values.quota ? { quotaOverrides: values.quota } : {}),
        ...(values['peak-factor'] !== undefined ? { peakFactor: numberOption(values['peak-factor'], 'peak-factor', 1, 1) } : {}),
      }),
    WorkloadError,
    QuotaConfigError,
  );
  const load = values.average ? 'average' : 'peak';

  let simulation: SimulationResult | undefined;
  if (values.simulate) {
    simulation = simulateWorkload(workload, result, {
      seconds: intOption(values.seconds, 'seconds', 60, 1),
      seed: intOption(values.seed, 'seed', 1, 0),
      load,
      coldStart: !!values['cold-start'],
    });
  }
  let replay: ReplayResult | undefined;
  if (values.endpoint) {
    const endpoint = asUsageError(() => parseEndpointUrl(values.endpoint!), TargetSpecError);
    replay = await replayWorkload(workload, result, {
      endpoint,
      credentials: envCredentials(),
      scale: numberOption(values.scale, 'scale', 1, 1e-6, 1000),
      durationSeconds: numberOption(values.duration, 'duration', 10, 1, MAX_REPLAY_SECONDS),
      load,
      seed: intOption(values.seed, 'seed', 1, 0),
      log: values.json ? () => {} : (line) => console.error(`replay: ${line}`),
    });
  }

  const machine = { ...result, ...(simulation ? { simulation } : {}), ...(replay ? { replay } : {}) };
  if (values.out) writeFileSync(values.out, JSON.stringify(machine, null, 2) + '\n');
  if (values.json) {
    console.log(JSON.stringify(machine, null, 2));
    return;
  }
  const parts = [formatPlan(result)];
  if (simulation) parts.push(formatSimulation(simulation));
  if (replay) parts.push(formatReplay(replay));
  console.log(parts.join('\n\n'));
  if (values.out) console.log(`\nwrote ${values.out}`);
}
