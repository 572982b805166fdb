/**
 * The `kmsbench` command line: one subcommand per job.
 *
 * @module
 */
import { statSync } from 'node:fs';
import { EXIT, EXIT_FAILED, EXIT_REGRESSION } from '../common/exit-codes.js';
import { UsageError } from './args.js';

// The pinned AWS SDK warns that releases after January 2027 need Node 22; this project runs on
// Node 20 with a locked SDK version, so the warning is noise in every command's output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** dist/serve-bundle/serve.js, seen from dist/cli/ (a variable: tsc must not resolve it). */
const SERVE_BUNDLE = '../serve-bundle/serve.js';

/**
 * Whether the serve bundle exists and was made after tsc last wrote dist/ (else it may be stale).
 * `KMSBENCH_NO_BUNDLE=1` runs the plain build (to see its modules load one by one).
 */
function bundleIsCurrent(): boolean {
  if (process.env.KMSBENCH_NO_BUNDLE === '1') return false;
  try {
    const bundle = statSync(new URL(SERVE_BUNDLE, import.meta.url)).mtimeMs;
    const tsc = statSync(new URL('../.tsbuildinfo', import.meta.url)).mtimeMs;
    return bundle >= tsc;
  } catch {
    return false;
  }
}

interface Command {
  /** Loads the command's module only when it runs (the server should not load the SDK). A command may return its exit code. */
  load: () => Promise<{ run: (argv: string[]) => Promise<void | number>; usage: string }>;
  summary: string;
}

type CommandModule = Awaited<ReturnType<Command['load']>>;

/** A command loaded when it runs: its module exports the run function and the usage text under the names given. */
function lazy<M extends Record<R, CommandModule['run']> & Record<U, string>, R extends keyof M, U extends keyof M>(importModule: () => Promise<M>, run: R, usage: U, summary: string): Command {
  return {
    load: async () => {
      const m = await importModule();
      return { run: m[run], usage: m[usage] };
    },
    summary,
  };
}

const COMMANDS: Record<string, Command> = {
  run: lazy(() => import('./run/command.js'), 'run', 'runUsage', 'the main job (npm start): conformance, a short load run and a plan on the embedded server and each --endpoint; reports/latest/index.html'),
  serve: {
    load: async () => {
      // The bundle `npm run build` makes (scripts/bundle-server.ts) starts faster; the plain
      // build serves where it is missing or older than the last tsc run.
      const m = (bundleIsCurrent() ? await import(SERVE_BUNDLE) : await import('./serve.js')) as typeof import('./serve.js');
      return { run: m.serve, usage: m.serveUsage };
    },
    summary: 'run the reference KMS server',
  },
  clock: lazy(() => import('./clock.js'), 'clock', 'clockUsage', "advance or show a reference server's clock"),
  inject: lazy(() => import('./inject.js'), 'inject', 'injectUsage', "change or show what a running reference server injects (latency, errors)"),
  load: lazy(() => import('./load.js'), 'load', 'loadUsage', 'run a load suite (latency, throttle-curve, backoff, envelope-caching, mixed, micro) and write load.json'),
  plan: lazy(() => import('./plan.js'), 'plan', 'planUsage', 'capacity plan of a workload file: quotas, headroom, cache settings, cost (--simulate, --endpoint)'),
  'export-k6': lazy(() => import('./export-k6.js'), 'exportK6', 'exportK6Usage', 'write a k6 script (SigV4, arrival-rate executors, thresholds) for distributed runs'),
  report: lazy(() => import('./report.js'), 'report', 'reportUsage', 'render result directories (results.json, load.json, plan.json) as index.html, report.md and junit.xml'),
  gate: lazy(() => import('./gate.js'), 'gate', 'gateUsage', `compare load runs with a baseline (noise-aware); exit ${EXIT_REGRESSION} on a regression; --save-baseline`),
  usage: lazy(() => import('./usage.js'), 'usage', 'usageUsage', "a kmsbench server's call counts per operation, key and principal (--since)"),
  'xks-proxy': lazy(() => import('./xks-proxy.js'), 'xksProxy', 'xksProxyUsage', 'run the reference external key store (XKS) proxy (software keys or a PKCS#11 token)'),
  conformance: lazy(() => import('./conformance.js'), 'conformance', 'conformanceUsage', 'run the conformance suites against an endpoint (default: the embedded server)'),
  diff: lazy(() => import('./diff.js'), 'diff', 'diffUsage', 'differential testing of two endpoints: random operation sequences, shrunk divergences, replay scripts'),
};

const usage = () =>
  `usage: kmsbench <command> [options]\n\n${Object.entries(COMMANDS)
    .map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`)
    .join('\n')}\n\nkmsbench <command> --help for a command's options.`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? EXIT.ok : EXIT.usage;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    console.error(`kmsbench: unknown command '${name}'\n\n${usage()}`);
    return EXIT.usage;
  }
  const command = await entry.load();
  try {
    const code = await command.run(rest);
    return typeof code === 'number' ? code : Number(process.exitCode ?? EXIT.ok);
  } catch (e) {
    // By name too: the serve bundle (scripts/bundle-server.ts) has its own copy of the class.
    if (e instanceof UsageError || (e as Error).name === 'UsageError') {
      console.error(`kmsbench ${name}: ${(e as Error).message}\n\n${command.usage}`);
      return EXIT.usage;
    }
    console.error(`kmsbench ${name}: ${(e as Error).message}`);
    return EXIT_FAILED;
  }
}

process.exitCode = await main(process.argv.slice(2));
