/**
 * The reference server's own import order (reference-impl/README.md): a module imports only its
 * own folder and the folders below it on the request path, never one beside or above it. What the
 * server may import from outside (common/ only) and circles are checked project-wide by
 * scripts/import-rules.test.ts; this is the order inside the server. Tests are exempt.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isTestFile, readImportGraph } from '../scripts/import-rules.js';

/** Top to bottom. Each entry is a folder (or a top-level file) of reference-impl/. */
const STAGE_ORDER: readonly (readonly string[])[] = [
  ['server.ts'],
  // Starts the fixtures' XKS proxy beside an in-process server (loaded only for --key-store-fixtures).
  ['fixture-xks-proxy.ts'],
  // The reference XKS proxy: started by the server for the custom key store fixtures.
  ['xks-proxy'],
  ['cluster', 'in-process.ts'],
  ['components.ts'],
  // Custom key store services, loaded by components.ts on first need.
  ['key-store-backends.ts'],
  // Opening a data directory (the store and the master key, checked against each other), and seeding it.
  ['data-dir.ts', 'seed-data-dir.ts'],
  ['server-options.ts'],
  ['protocol'],
  ['auth', 'validate', 'quota', 'inject'],
  ['ops'],
  ['authz', 'keystores', 'seed'],
  ['keys'],
  ['hsm', 'store'],
  ['records', 'reply', 'audit', 'clock', 'faults.ts', 'damage-report.ts', 'sigv4'],
  ['errors.ts'],
];

const PREFIX = 'reference-impl/';
const unitOf = (path: string): string => path.slice(PREFIX.length).split('/')[0]!;
const rankOf = (unit: string): number => STAGE_ORDER.findIndex((units) => units.includes(unit));

const root = fileURLToPath(new URL('..', import.meta.url));
const { files, edges } = readImportGraph(root);
const server = files.filter((f) => f.startsWith(PREFIX) && !isTestFile(f));

describe('the reference server imports down the request path only', () => {
  it('places every folder and top-level module of reference-impl/ in the order', () => {
    const unplaced = [...new Set(server.map(unitOf))].filter((u) => rankOf(u) < 0);
    expect(unplaced).toEqual([]);
  });

  it('has no import to a stage beside or above the importing one', () => {
    const against = edges
      .filter((e) => e.from.startsWith(PREFIX) && !isTestFile(e.from) && e.to.startsWith(PREFIX))
      .filter((e) => unitOf(e.from) !== unitOf(e.to) && !(rankOf(unitOf(e.to)) > rankOf(unitOf(e.from))))
      .map((e) => `${e.from} -> ${e.to}`);
    expect(against).toEqual([]);
  });

});
