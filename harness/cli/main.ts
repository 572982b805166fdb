/**
 * The `kmsbench` command line: one subcommand per job.
 *
 * @module
 */
import { clock, clockUsage } from './clock.js';
import { run, runUsage } from './run.js';
import { serve, serveUsage } from './serve.js';
import { UsageError } from './args.js';

const COMMANDS: Record<string, { run: (argv: string[]) => Promise<void>; usage: string; summary: string }> = {
  run: { run, usage: runUsage, summary: 'the main job: conformance + a short load run against the embedded server' },
  serve: { run: serve, usage: serveUsage, summary: 'run the reference KMS server' },
  clock: { run: clock, usage: clockUsage, summary: "advance or show a reference server's clock" },
};

const usage = () =>
  `usage: kmsbench <command> [options]\n\n${Object.entries(COMMANDS)
    .map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`)
    .join('\n')}\n\nkmsbench <command> --help for a command's options.`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`kmsbench: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  try {
    await command.run(rest);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`kmsbench ${name}: ${e.message}\n\n${command.usage}`);
      return 2;
    }
    console.error(`kmsbench ${name}: ${(e as Error).message}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
