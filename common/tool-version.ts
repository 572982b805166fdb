/**
 * The kmsbench version, from the package.json next to the sources or to dist/ (results.json,
 * the reports and the server's health answer carry it).
 *
 * @module
 */
import { readFileSync } from 'node:fs';

let cached: string | undefined;

export function toolVersion(): string {
  if (cached !== undefined) return cached;
  for (const rel of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'kmsbench' && pkg.version) return (cached = pkg.version);
    } catch {
      // try the next
    }
  }
  return (cached = 'unknown');
}
