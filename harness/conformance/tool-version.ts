/**
 * The kmsbench version, from the package.json next to the sources or to dist/ (results.json and
 * the reports record it).
 *
 * @module
 */
import { readFileSync } from 'node:fs';

export function toolVersion(): string {
  for (const rel of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'kmsbench' && pkg.version) return pkg.version;
    } catch {
      // try the next
    }
  }
  return 'unknown';
}
