/**
 * `kmsbench diff`: model-based differential testing of two KMS endpoints (harness/diff). Exit
 * codes: 0 no divergence, 1 divergences found, 2 usage error, 3 the run could not be carried out,
 * 130 interrupted.
 *
 * @module
 */
import { join, relative } from 'node:path';
import type { OperationName } from '../common/model/index.js';
import { DiffEndpointError, GENERATED_OPERATIONS, runDiff, signedEndpoint, writeDiffOutput, type DiffEndpoint } from '../harness/diff/index.js';
import { divergenceRows } from '../reports/divergence-view.js';
import { clientRegion, intOption, parse, UsageError, valueOptions } from './args.js';
import { openTarget, parseTarget, type TargetSpec } from '../harness/target/index.js';

export const diffUsage = `kmsbench diff --a URL|embedded --b URL|embedded [options]
  --a, --b URL|embedded   the two endpoints (embedded: a reference server started in this process,
                          one per side; URLs are signed with the AWS_* credentials, else test/test)
  --seed N                fast-check seed: the same seed replays the same sequences (default: random,
                          printed)
  --steps N               generated steps to run, in whole sequences (default 300)
  --ops A,B,...           operations to generate (default: all the generator knows; CreateKey is
                          always part of each sequence's setup)
  --out DIR               where diff.json and divergences/ go (default .kmsbench/diff)
  --region R              Region to sign for (default AWS_REGION, AWS_DEFAULT_REGION, us-east-1)
  --shrink-runs N         sequence runs spent shrinking each new divergence (default 200)
  --shrink-time MS        time spent shrinking each new divergence (default 20000)

Compares status, error code, reply members and values after normalising ids, ARNs, accounts,
dates, ciphertext bytes (checked by decrypting on the same endpoint) and unordered lists; error
messages only between two embedded servers. Each divergence is shrunk to a minimal sequence and
written as divergences/<id>.sh (AWS CLI) and divergences/<id>.test.ts (vitest). \`kmsbench report
DIR\` shows them as a table.
exit codes: 0 no divergence; 1 divergences; 2 usage error; 3 the run could not be carried out; 130 interrupted`;

interface Opened {
  endpoint: DiffEndpoint;
  close(): Promise<void>;
}

/** One side of the diff, opened through the target module (embedded, a URL, or aws). */
async function openEndpoint(text: string, side: 'a' | 'b', region: string): Promise<Opened> {
  let spec: TargetSpec;
  try {
    spec = parseTarget(text);
  } catch (e) {
    throw new UsageError((e as Error).message.replace('--endpoint', `--${side}`));
  }
  const target = await openTarget(spec, { region, embedded: { label: `diff-${side}` } });
  const label = target.kind === 'embedded' ? `embedded-${side}` : new URL(target.endpoint).host;
  return {
    endpoint: signedEndpoint({ label, url: target.endpoint, region, credentials: target.credentials, ...(target.kind === 'embedded' ? { family: 'reference' } : {}) }),
    close: () => target.close(),
  };
}

function parseOps(text: string | undefined): OperationName[] | undefined {
  if (text === undefined) return undefined;
  const ops = text.split(',').map((o) => o.trim()).filter(Boolean);
  for (const op of ops) if (!(GENERATED_OPERATIONS as string[]).includes(op)) throw new UsageError(`--ops: no generator for '${op}' (known: ${GENERATED_OPERATIONS.join(', ')})`);
  if (!ops.length) throw new UsageError('--ops needs at least one operation');
  return ops as OperationName[];
}

export async function diff(argv: string[]): Promise<number> {
  const { values } = parse(argv, valueOptions('a', 'b', 'seed', 'steps', 'ops', 'out', 'region', 'shrink-runs', 'shrink-time'));
  if (values.help) {
    console.log(diffUsage);
    return 0;
  }
  if (!values.a || !values.b) throw new UsageError('--a and --b are required');
  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
  if (!Number.isSafeInteger(seed)) throw new UsageError(`--seed must be an integer, got '${values.seed}'`);
  const steps = intOption(values.steps, 'steps', 300, 1);
  const ops = parseOps(values.ops);
  const shrink = { maxRuns: intOption(values['shrink-runs'], 'shrink-runs', 200, 0), timeMs: intOption(values['shrink-time'], 'shrink-time', 20_000, 0) };
  const region = clientRegion(values.region);
  const out = values.out ?? join('.kmsbench', 'diff');

  const opened: Opened[] = [];
  const interrupt = new AbortController();
  const onSigint = () => {
    console.error('kmsbench diff: interrupted, cleaning up (Ctrl-C again to quit at once)');
    interrupt.abort();
    process.once('SIGINT', () => process.exit(130));
  };
  process.once('SIGINT', onSigint);
  try {
    opened.push(await openEndpoint(values.a, 'a', region));
    opened.push(await openEndpoint(values.b, 'b', region));
    console.log(`kmsbench diff: ${opened[0]!.endpoint.label} vs ${opened[1]!.endpoint.label}, seed ${seed}, ${steps} steps`);
    const result = await runDiff({
      a: opened[0]!.endpoint,
      b: opened[1]!.endpoint,
      seed,
      steps,
      ...(ops ? { ops } : {}),
      shrink,
      signal: interrupt.signal,
    });
    writeDiffOutput(out, result);
    const rows = divergenceRows(result, out);
    console.log(`${result.stepsRun} steps in ${result.sequences} sequences, ${(result.durationMs / 1000).toFixed(1)} s: ${rows.length} divergence(s)`);
    for (const r of rows) console.log(`  ${r.id.padEnd(44)} ${r.whatDiffers}: a ${r.a} | b ${r.b}`);
    const shown = relative(process.cwd(), out) || '.';
    console.log(`wrote ${join(shown, 'diff.json')}${rows.length ? ` and ${join(shown, 'divergences')}/` : ''}`);
    if (interrupt.signal.aborted) return 130;
    return rows.length ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    console.error(`kmsbench diff: ${e instanceof DiffEndpointError ? e.message : ((e as Error).stack ?? String(e))}`);
    return 3;
  } finally {
    process.off('SIGINT', onSigint);
    for (const o of opened) await o.close();
  }
}
