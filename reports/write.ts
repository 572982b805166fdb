/**
 * Writing a rendered report to a directory.
 *
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ReportFiles } from './render.js';

/** Writes every file; returns the absolute path of each. */
export function writeReport(dir: string, files: ReportFiles): Record<keyof ReportFiles, string> {
  mkdirSync(dir, { recursive: true });
  const out = {} as Record<keyof ReportFiles, string>;
  for (const [name, content] of Object.entries(files) as [keyof ReportFiles, string][]) {
    const path = resolve(join(dir, name));
    writeFileSync(path, content);
    out[name] = path;
  }
  return out;
}
