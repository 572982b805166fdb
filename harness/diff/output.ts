/**
 * Writes a diff's files: `DIR/diff.json`, and per divergence `DIR/divergences/<id>.sh` (AWS CLI)
 * and `DIR/divergences/<id>.test.ts` (vitest + SDK). Replaces earlier divergence files.
 *
 * @module
 */
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { replayScript } from './replay-script.js';
import { replayTest } from './replay-test.js';
import { DiffFileSchema, REPLAY_FOLDER, replayFiles, type DiffFile } from '../results/diff-results.js';

export function writeDiffOutput(dir: string, diff: DiffFile): { files: string[] } {
  const checked = DiffFileSchema.parse(diff);
  const folder = join(dir, REPLAY_FOLDER);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const files = [join(dir, 'diff.json')];
  writeFileSync(files[0]!, `${JSON.stringify(checked, null, 2)}\n`);
  for (const d of checked.divergences) {
    const sh = join(dir, replayFiles(d.id).sh);
    writeFileSync(sh, replayScript(checked, d));
    chmodSync(sh, 0o755);
    const test = join(dir, replayFiles(d.id).test);
    writeFileSync(test, replayTest(checked, d));
    files.push(sh, test);
  }
  return { files };
}
