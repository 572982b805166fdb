/**
 * `kmsbench conformance`: run the conformance suites against an endpoint and judge the outcome
 * against an expectation file. Exit codes: common/exit-codes.ts (EXIT).
 *
 * @module
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FAULTS } from '../reference-impl/faults.js';
import { EXIT, EXIT_MEANINGS } from '../common/exit-codes.js';
import { isIsoDate } from '../common/dates.js';
import { CONTRACT_VERSION } from '../harness/results/conformance-contract.js';
import { ExpectationFileError, loadExpectations, REASON_TODO, updateExpectations, type ExpectationFile } from '../harness/conformance/expectations.js';
import { conformanceJunitXml } from '../harness/results/junit.js';
import { selectCases } from '../harness/conformance/case-plan.js';
import { DEFAULT_CONCURRENCY, runConformance } from '../harness/conformance/runner.js';
import { summaryText } from '../harness/conformance/summary.js';
import { HarnessError } from '../harness/conformance/verdict.js';
import { CASE_TAGS } from '../harness/conformance/case.js';
import { loadIdentities, parseTarget, TargetError, TargetSpecError, withTarget } from '../harness/target/index.js';
import { discoverCases } from '../suites/index.js';
import { asUsageError, clientRegion, intOption, parse, UsageError, valueOptions } from './args.js';
import { displayPath, ROOT } from './paths.js';

const REFERENCE_EXPECTATIONS = ROOT ? join(ROOT, 'suites', 'expectations', 'reference.json') : undefined;

export const conformanceUsage = `kmsbench conformance [options]
  --endpoint URL|embedded|aws  the endpoint under test (default: embedded, the reference server in
                               this process with its test/test credentials; aws: the Region's AWS
                               endpoint). Credentials otherwise: AWS_* environment variables or
                               profile, else test/test.
  --region R                   Region to sign for (default AWS_REGION, AWS_DEFAULT_REGION, us-east-1)
  --tags a,b                   only cases with one of these tags:
                               ${CASE_TAGS.join(', ')}
  --grep TEXT                  only cases whose id or title contains TEXT
  --expect FILE|none           expectation file: cases known to fail on this target, with reasons
                               (default for embedded: suites/expectations/reference.json; else none)
  --out DIR                    where results.json and junit.xml go (default .kmsbench/conformance)
  --concurrency N              cases at a time (default ${DEFAULT_CONCURRENCY})
  --timeout MS                 per-case timeout, overriding each case's own (default 30000); also bounds
                               each case's cleanups and each capability-probe call
  --aws-as-of YYYY-MM-DD       judge by AWS's behaviour as of that date (default: today): a case
                               whose source says AWS behaves so only since a later date is skipped,
                               and cases whose expectation changed over time pick the one in force
  --identities FILE            the principals the policy and grant cases sign with on a non-embedded
                               endpoint (also KMSBENCH_IDENTITIES=FILE; format: suites/README.md
                               "Identities"); without them those cases are skipped
  --fault NAME                 embedded only, repeatable: start the reference server with a
                               deliberate fault (${Object.keys(FAULTS).join(', ')})
  --update-expectations        rewrite the --expect file from this run: list what did not pass
                               (keeping reasons), drop what passes and ids that name no case;
                               new entries get a TODO reason to replace (exit 1 while any is left)
  --list                       print the selected cases and exit
  --verbose                    print each case's outcome as it finishes

exit codes: ${Object.entries(EXIT_MEANINGS)
  .map(([code, meaning]) => `${code} ${meaning}`)
  .join('; ')}
runner contract ${CONTRACT_VERSION}: suites/README.md`;

export async function conformance(argv: string[]): Promise<number> {
  try {
    return await conformanceCommand(argv);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    // Anything else is the harness's own failure, never a verdict about the endpoint.
    const known = e instanceof HarnessError || e instanceof TargetError;
    console.error(`kmsbench conformance: ${known ? e.message : ((e as Error).stack ?? String(e))}`);
    return EXIT.harness;
  }
}

async function conformanceCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    ...valueOptions('endpoint', 'region', 'tags', 'grep', 'expect', 'out', 'concurrency', 'timeout', 'aws-as-of', 'identities'),
    fault: { type: 'string', multiple: true },
    list: { type: 'boolean' },
    'update-expectations': { type: 'boolean' },
    verbose: { type: 'boolean' },
  });
  if (values.help) {
    console.log(conformanceUsage);
    return EXIT.ok;
  }
  const target = asUsageError(() => parseTarget(values.endpoint, { faults: values.fault ?? [] }), TargetSpecError);
  if (values.fault?.length && target.kind !== 'embedded') throw new UsageError('--fault needs --endpoint embedded');
  for (const f of values.fault ?? []) if (!(f in FAULTS)) throw new UsageError(`unknown --fault '${f}'`);
  const identitiesFile = values.identities ?? process.env.KMSBENCH_IDENTITIES;
  if (values.identities !== undefined && target.kind === 'embedded') throw new UsageError('--identities is for other endpoints: the embedded server has its own');
  const identities = identitiesFile !== undefined && target.kind !== 'embedded' ? loadIdentities(identitiesFile) : undefined;
  const concurrency = intOption(values.concurrency, 'concurrency', DEFAULT_CONCURRENCY, 1);
  const timeoutMs = values.timeout === undefined ? undefined : intOption(values.timeout, 'timeout', 30_000, 1);
  const awsAsOf = values['aws-as-of'];
  if (awsAsOf !== undefined && !isIsoDate(awsAsOf)) throw new UsageError(`--aws-as-of '${awsAsOf}' is not a date YYYY-MM-DD`);
  const tags = values.tags ? values.tags.split(',').map((t) => t.trim()).filter(Boolean) : [];
  for (const t of tags) if (!(CASE_TAGS as readonly string[]).includes(t)) throw new UsageError(`unknown tag '${t}' (known: ${CASE_TAGS.join(', ')})`);

  let expectationsFile = values.expect;
  if (expectationsFile === undefined && target.kind === 'embedded' && REFERENCE_EXPECTATIONS && existsSync(REFERENCE_EXPECTATIONS)) {
    expectationsFile = REFERENCE_EXPECTATIONS;
  }
  if (values['update-expectations'] && (expectationsFile === undefined || expectationsFile === 'none')) {
    throw new UsageError('--update-expectations needs --expect FILE');
  }
  let expectations: ExpectationFile | undefined;
  if (expectationsFile !== undefined && expectationsFile !== 'none') expectations = asUsageError(() => loadExpectations(expectationsFile), ExpectationFileError);

  const discovery = await discoverCases();
  if (values.list) {
    for (const { case: c, file } of selectCases(discovery.cases, tags, values.grep)) {
      console.log(`${c.id.padEnd(60)} ${c.tags.join(',').padEnd(28)} ${file}`);
    }
    for (const e of discovery.errors) console.error(`! ${e.file}: ${e.message}`);
    return discovery.errors.length ? EXIT.harness : EXIT.ok;
  }

  const out = values.out ?? join('.kmsbench', 'conformance');
  // Ctrl-C: stop starting cases, end the running ones, clean up (keys, the embedded server), report.
  const interrupt = new AbortController();
  const onSigint = () => {
    console.error('kmsbench conformance: interrupted, cleaning up (Ctrl-C again to quit at once)');
    interrupt.abort();
    process.once('SIGINT', () => process.exit(EXIT.interrupted));
  };
  process.once('SIGINT', onSigint);
  const results = await withTarget(target, { region: clientRegion(values.region), ...(identities ? { identities } : {}), embedded: { label: 'conformance' } }, (opened) =>
    runConformance({
      signal: interrupt.signal,
      target: opened,
      tags,
      ...(values.grep ? { grep: values.grep } : {}),
      ...(expectations ? { expectations, expectationsFile: displayPath(expectationsFile!) } : {}),
      concurrency,
      ...(timeoutMs ? { timeoutMs, probeTimeoutMs: timeoutMs } : {}),
      ...(awsAsOf ? { awsAsOf } : {}),
      cases: discovery.cases,
      loadErrors: discovery.errors,
      onEvent: values.verbose
        ? ({ result: r }) => console.log(`${r.asExpected ? ' ' : '✗'} ${r.outcome.padEnd(11)} ${r.id}${r.reason ? `  ${r.reason.slice(0, 200)}` : ''}`)
        : undefined,
    }),
  );
  process.off('SIGINT', onSigint);
  if (interrupt.signal.aborted) results.exitCode = EXIT.interrupted;
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(out, 'junit.xml'), conformanceJunitXml(results));
  console.log(summaryText(results, out, { verbose: values.verbose ?? false }));
  if (interrupt.signal.aborted) return EXIT.interrupted;
  if (values['update-expectations'] && expectations && expectationsFile) {
    const update = updateExpectations(expectations, results.cases, new Set(discovery.cases.map((c) => c.case.id)));
    writeFileSync(expectationsFile, `${JSON.stringify(update.file, null, 2)}\n`);
    console.log(
      `\nwrote ${displayPath(expectationsFile)}: ${update.added.length} added, ${update.removed.length} removed, ${update.changed.length} changed outcome` +
        (update.added.length ? ` — write the reason of: ${update.added.join(', ')}` : ''),
    );
    const todo = Object.values(update.file.cases).filter((e) => e.reason.startsWith(REASON_TODO)).length;
    return results.exitCode === EXIT.harness ? EXIT.harness : todo > 0 ? EXIT.differences : EXIT.ok;
  }
  return results.exitCode;
}

