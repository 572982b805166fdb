/**
 * Shared option handling for the CLI commands.
 *
 * @module
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A CLI usage error: printed without a stack, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Every command's `--help` / `-h`. */
const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

/** Parses a command's options (with `--help` / `-h` added); a parse error is a UsageError. */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options: { ...options, ...HELP_OPTION }, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function intOption(value: string | undefined, name: string, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be an integer >= ${min}, got '${value}'`);
  return n;
}

export const clientRegion = (flag: string | undefined, env = process.env): string =>
  flag ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1';

/** parseArgs entries for options that take one value: `parse(argv, { ...valueOptions('region', 'out'), … })`. */
export function valueOptions<const K extends string>(...names: K[]): { [P in K]: { type: 'string' } } {
  return Object.fromEntries(names.map((name) => [name, { type: 'string' }])) as { [P in K]: { type: 'string' } };
}

export function positiveOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} must be a positive number, got '${value}'`);
  return n;
}

/**
 * `read()`, with an error of one of `kinds` (the user's input is wrong: a bad --endpoint, an
 * unreadable expectation file…) turned into a UsageError with its message.
 */
export function asUsageError<T>(read: () => T, ...kinds: (abstract new (...args: never[]) => Error)[]): T {
  try {
    return read();
  } catch (e) {
    if (kinds.some((kind) => e instanceof kind)) throw new UsageError((e as Error).message);
    throw e;
  }
}
