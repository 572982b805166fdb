/**
 * Reads a seed file (YAML or JSON) and tells its format apart: local-kms's (capitalised
 * `Keys` / `Aliases`) or kmsbench's own. The YAML parser is loaded only for YAML files.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { isLocalKmsSeed, parseLocalKmsSeed } from './local-kms-format.js';
import { parseNativeSeed } from './native-format.js';
import { isObj, SeedError, type SeedDefaults, type SeedPlan } from './seed-plan.js';

/** Parses seed text; `name` (a file name) picks JSON for `.json`, otherwise JSON when it looks like JSON, else YAML. */
export async function parseSeedText(text: string, defaults: SeedDefaults, name = 'seed'): Promise<SeedPlan> {
  let doc: unknown;
  const json = name.endsWith('.json') || /^\s*\{/.test(text);
  try {
    if (json) doc = JSON.parse(text);
    else {
      const { parse } = await import('yaml');
      doc = parse(text);
    }
  } catch (e) {
    throw new SeedError(`${name} is not valid ${json ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0]}`);
  }
  if (doc === null || doc === undefined) return { format: 'kmsbench', keys: [], aliases: [] };
  if (!isObj(doc)) throw new SeedError(`${name} must hold a mapping at the top`);
  return isLocalKmsSeed(doc) ? parseLocalKmsSeed(doc, defaults) : parseNativeSeed(doc, defaults);
}

export async function readSeedFile(path: string, defaults: SeedDefaults): Promise<SeedPlan> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new SeedError(`cannot read seed file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return await parseSeedText(text, defaults, path);
  } catch (e) {
    if (e instanceof SeedError) throw new SeedError(`seed file ${path}: ${e.message}`);
    throw e;
  }
}
