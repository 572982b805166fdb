/**
 * `kmsbench export-k6 --suite NAME --out script.js`: a self-contained k6 script for runs larger
 * than one machine (k6 with execution segments, or k6-operator).
 *
 * @module
 */
import { writeFileSync } from 'node:fs';
import { readTextFile } from '../common/read-text.js';
import { PROFILE_NAMES } from '../common/quota/profiles.js';
import { parse, positiveOption as positive, UsageError, valueOptions } from './args.js';
import {
  latencySuite,
  LATENCY_OPERATIONS,
  renderK6Script,
  SUITE_NAMES,
  throttleCurveSuite,
  THROTTLE_OPERATIONS,
  workloadSuite,
  type K6ScriptSpec,
} from '../harness/k6/index.js';
import { parseWorkloadText, planWorkload, WorkloadError } from '../harness/plan/index.js';

export const exportK6Usage = `kmsbench export-k6 --suite NAME --out FILE [options]
  Writes a k6 script with its own SigV4 signing, arrival-rate executors and thresholds.
  Run it with k6 (env KMS_ENDPOINT, AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY; see the
  script header) or distributed with k6-operator (docs/k6.md).

  --suite NAME           ${SUITE_NAMES.join(' | ')}
  --out FILE             where to write the script ('-' for stdout)
  --region R             signing Region and, for throttle-curve, the quota's Region (default us-east-1;
                         workload: the workload's Region)
  latency:
  --rate N               requests/s per operation (default 50)
  --duration D           k6 duration per scenario (default 1m; workload: 2m)
  --ops A,B,...          operations (default ${LATENCY_OPERATIONS.join(',')})
  throttle-curve:
  --op NAME              ${THROTTLE_OPERATIONS.join(' | ')} (default GenerateDataKey)
  --quota-rate N         the quota to step around (default: the op's class in --region)
  --quota-profile NAME   ${PROFILE_NAMES.join(', ')} (default current)
  --step-seconds N       seconds per step (default 30)
  workload:
  --workload FILE        a workload file (suites/workloads/*.yaml)
  --scale X              multiply the plan's peak rates (default 1)
  --average              the average instead of the peak rates`;

/** Builds the suite's script spec from CLI options (exported for the tests). */
export function suiteSpec(values: Record<string, string | boolean | undefined>): K6ScriptSpec {
  const suite = values.suite;
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const duration = str('duration');
  if (duration !== undefined && !/^\d+(?:\.\d+)?(?:ms|s|m|h)(?:\d+(?:\.\d+)?(?:ms|s|m|h))*$/.test(duration)) throw new UsageError(`--duration must be a k6 duration such as 90s or 5m, got '${duration}'`);
  try {
    switch (suite) {
      case 'latency':
        return latencySuite({
          ...(str('region') ? { region: str('region')! } : {}),
          ...(positive(str('rate'), 'rate') !== undefined ? { rate: positive(str('rate'), 'rate')! } : {}),
          ...(duration ? { duration } : {}),
          ...(str('ops') ? { operations: str('ops')!.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
        });
      case 'throttle-curve':
        if (str('quota-profile') && !PROFILE_NAMES.includes(str('quota-profile')!)) throw new UsageError(`unknown --quota-profile '${str('quota-profile')}'`);
        return throttleCurveSuite({
          ...(str('region') ? { region: str('region')! } : {}),
          ...(str('op') ? { operation: str('op')! } : {}),
          ...(positive(str('quota-rate'), 'quota-rate') !== undefined ? { quotaRate: positive(str('quota-rate'), 'quota-rate')! } : {}),
          ...(str('quota-profile') ? { quotaProfile: str('quota-profile')! } : {}),
          ...(positive(str('step-seconds'), 'step-seconds') !== undefined ? { stepSeconds: positive(str('step-seconds'), 'step-seconds')! } : {}),
        });
      case 'workload': {
        const file = str('workload');
        if (!file) throw new UsageError('--suite workload needs --workload FILE');
        const w = parseWorkloadText(readTextFile(file, (m) => new UsageError(m)), file);
        const plan = planWorkload(w, str('region') ? { region: str('region')! } : {});
        return workloadSuite(w, plan, {
          ...(positive(str('scale'), 'scale') !== undefined ? { scale: positive(str('scale'), 'scale')! } : {}),
          ...(duration ? { duration } : {}),
          load: values.average ? 'average' : 'peak',
        });
      }
      default:
        throw new UsageError(suite ? `unknown --suite '${String(suite)}'; one of ${SUITE_NAMES.join(', ')}` : `missing --suite (${SUITE_NAMES.join(', ')})`);
    }
  } catch (e) {
    if (e instanceof RangeError || e instanceof WorkloadError) throw new UsageError(e.message);
    throw e;
  }
}

export async function exportK6(argv: string[]): Promise<void> {
  const { values } = parse(argv, {
    ...valueOptions('suite', 'out', 'region', 'rate', 'duration', 'ops', 'op', 'quota-rate', 'quota-profile', 'step-seconds', 'workload', 'scale'),
    average: { type: 'boolean' },
  });
  if (values.help) return void console.log(exportK6Usage);
  if (!values.out) throw new UsageError('missing --out FILE (or --out - for stdout)');
  const spec = suiteSpec(values);
  const script = renderK6Script(spec);
  if (values.out === '-') {
    process.stdout.write(script);
    return;
  }
  writeFileSync(values.out, script);
  const scenarios = spec.streams.map((s) => `${s.scenario} (${s.operation}, ${s.executor.kind === 'constant' ? `${+s.executor.ratePerSecond.toPrecision(4)}/s` : `${s.executor.factors.join('/')}× of ${s.executor.quotaRate}/s`})`);
  console.log(`wrote ${values.out}: ${spec.title}`);
  console.log(`scenarios: ${scenarios.join(', ')}`);
  console.log(`run: KMS_ENDPOINT=<url> AWS_REGION=${spec.region} k6 run ${values.out}`);
}
