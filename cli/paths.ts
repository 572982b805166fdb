/**
 * Where the CLI finds its files: the checkout (or installed package) root holding suites/ and
 * reports/, and paths as the user should read them.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout root (suites/ and reports/ live there), from the sources or from dist/; undefined when neither is found. */
export const ROOT = [new URL('../', import.meta.url), new URL('../../', import.meta.url)]
  .map((u) => fileURLToPath(u))
  .find((d) => existsSync(join(d, 'suites', 'README.md')) && existsSync(join(d, 'package.json')));

/** `p` relative to the working directory when it lies below it, else as given. */
export function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith('..') ? rel : p;
}
