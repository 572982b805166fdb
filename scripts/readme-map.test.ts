/**
 * The README's map of the layers names real folders, and every folder of the layers is on it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENGINES } from './import-rules.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const map = /## Map[^\n]*\n+```\n([\s\S]*?)```/.exec(README)?.[1] ?? '';
const ROOTS = 'common|reference-impl|harness|suites|reports|scripts|spec|test|docs';
const named = new Set([...map.matchAll(new RegExp(`(?:^|\\s)((?:${ROOTS})\\/(?:[a-z0-9-]+\\/?)*)`, 'gm'))].map((m) => m[1]!.replace(/\/$/, '')));

describe("the README's map", () => {
  it('is there', () => {
    expect(map.length).toBeGreaterThan(200);
  });

  it('names only folders that exist', () => {
    expect([...named].filter((p) => !existsSync(`${ROOT}/${p}`))).toEqual([]);
  });

  it('names every harness folder and every top-level source folder', () => {
    const harness = readdirSync(`${ROOT}/harness`, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `harness/${e.name}`);
    const required = [...harness, 'common', 'reference-impl', 'suites', 'reports', 'scripts'];
    expect(required.filter((p) => !named.has(p))).toEqual([]);
    for (const engine of ENGINES) expect(map).toContain(`harness/${engine}`);
  });
});
