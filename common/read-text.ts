/**
 * Reading a file the user named (an expectation file, a request mix, a workload).
 *
 * @module
 */
import { readFileSync } from 'node:fs';

/** The UTF-8 text of `path`; a file that cannot be read is `failure('cannot read <path>: <why>')`. */
export function readTextFile(path: string, failure: (message: string) => Error): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw failure(`cannot read ${path}: ${(e as Error).message}`);
  }
}
