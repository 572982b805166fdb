/**
 * `kmsbench gate`: compare load runs with a baseline under the noise-aware rule
 * (harness/gate/rule.ts); exit 1 on a regression. `--save-baseline` writes baselines.
 *
 * @module
 */
import { baselineFile, formatGate, gateCompare, GateInputError, readRuns, writeBaseline, DEFAULT_THRESHOLDS, type BaselineRun, type GateThresholds } from '../harness/gate/index.js';
import { EXIT, EXIT_REGRESSION } from '../common/exit-codes.js';
import { parse, UsageError, valueOptions } from './args.js';

export const gateUsage = `kmsbench gate --baseline FILE --current FILE [--current FILE …] [options]
kmsbench gate --save-baseline FILE --current FILE [--current FILE …]
  FILE is a load.json, a directory holding load.json files (e.g. reports/latest), or a baseline
  file. Repeat --current (or point it at a directory of runs) to give the gate several runs.

  --max-p99-regression P     p99 may rise by this much (default 10%; '10%' or 0.1)
  --min-throughput-ratio R   throughput must stay at least R × the baseline's (default 0.95)
  --alpha A                  family-wise significance level, Holm-corrected over all metrics
                             (default ${DEFAULT_THRESHOLDS.alpha})
  --save-baseline FILE       write the --current runs as a baseline file; with --baseline, only
                             when there is no regression
  --json                     print the comparison as JSON instead of the table

  A metric regresses when its change is worse than the tolerance and also significant (rule:
  harness/gate/rule.ts; samples: per-second throughput, p99 one per run).
  exit codes: ${EXIT.ok} no regression, ${EXIT_REGRESSION} regression, ${EXIT.usage} usage or unreadable input`;

function fraction(v: string | undefined, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(v);
  if (!m) throw new UsageError(`--${name} must be a fraction (0.1) or a percentage (10%), got '${v}'`);
  const n = Number(m[1]);
  return m[2] || n >= 1 ? n / 100 : n;
}

function ratioOption(v: string | undefined, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  const n = v.trim().endsWith('%') ? Number(v.trim().slice(0, -1)) / 100 : Number(v);
  if (!Number.isFinite(n) || n <= 0 || n > 1) throw new UsageError(`--${name} must be in (0, 1], e.g. 0.95, got '${v}'`);
  return n;
}

const read = (paths: readonly string[]): BaselineRun[] => paths.flatMap((p) => readRuns(p));

export async function gate(argv: string[]): Promise<number> {
  try {
    return await gateCommand(argv);
  } catch (e) {
    // Exit 1 means a regression: an input the gate cannot read is a usage error.
    if (e instanceof GateInputError) {
      console.error(`kmsbench gate: ${e.message}`);
      return EXIT.usage;
    }
    throw e;
  }
}

async function gateCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    ...valueOptions('max-p99-regression', 'min-throughput-ratio', 'alpha', 'save-baseline'),
    baseline: { type: 'string', multiple: true },
    current: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  });
  if (values.help) {
    console.log(gateUsage);
    return EXIT.ok;
  }
  if (!values.current?.length) throw new UsageError('--current FILE is required');
  if (!values.baseline?.length && !values['save-baseline']) throw new UsageError('--baseline FILE (or --save-baseline FILE) is required');
  const alpha = values.alpha === undefined ? DEFAULT_THRESHOLDS.alpha : Number(values.alpha);
  if (!(alpha > 0 && alpha < 1)) throw new UsageError(`--alpha must be in (0, 1), got '${values.alpha}'`);
  const thresholds: GateThresholds = {
    ...DEFAULT_THRESHOLDS,
    maxP99Regression: fraction(values['max-p99-regression'], 'max-p99-regression', DEFAULT_THRESHOLDS.maxP99Regression),
    minThroughputRatio: ratioOption(values['min-throughput-ratio'], 'min-throughput-ratio', DEFAULT_THRESHOLDS.minThroughputRatio),
    alpha,
  };
  const current = read(values.current);
  let code: number = EXIT.ok;
  if (values.baseline?.length) {
    const baseline = read(values.baseline);
    const result = gateCompare(baseline, current, thresholds);
    if (values.json) console.log(JSON.stringify(result, null, 2));
    else console.log(formatGate(result));
    if (result.rows.length === 0) console.error('kmsbench gate: no metric in common between the baseline and the current runs');
    code = result.regressions > 0 ? EXIT_REGRESSION : EXIT.ok;
  }
  const save = values['save-baseline'];
  if (save) {
    if (code === EXIT.ok) {
      writeBaseline(save, baselineFile(current, new Date().toISOString()));
      const suites = [...new Set(current.map((r) => r.suite))].join(', ');
      (values.json ? console.error : console.log)(`saved ${current.length} run(s) (${suites}) as the baseline ${save}`);
    } else {
      console.error(`not saving ${save}: the current runs regressed`);
    }
  }
  return code;
}
