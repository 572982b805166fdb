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

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
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
