/**
 * Pins what is published about the runner: the expectation files, and suites/README.md's contract
 * version and exit-code table. (The JSON Schemas under reports/schema/ are pinned by
 * scripts/write-schemas.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT, EXIT_MEANINGS } from '../../common/exit-codes.js';
import { CONTRACT_VERSION, OUTCOMES } from '../results/conformance-contract.js';
import { ExpectationFileSchema, parseExpectations, REASON_TODO } from './expectations.js';

const README = readFileSync(new URL('../../suites/README.md', import.meta.url), 'utf8');

describe('expectation files', () => {
  it('every expectation file in suites/expectations/ is valid, every entry with a real reason', () => {
    for (const name of ['reference.json', 'moto.json']) {
      const text = readFileSync(new URL(`../../suites/expectations/${name}`, import.meta.url), 'utf8');
      const file = parseExpectations(text, name);
      const todo = Object.entries(file.cases).filter(([, e]) => e.reason.startsWith(REASON_TODO)).map(([id]) => id);
      expect(todo, `${name}: write the reason these cases fail there`).toEqual([]);
    }
  });

  it('reference.json lists only features the reference server does not implement yet: every case must pass there', () => {
    const ref = ExpectationFileSchema.parse(JSON.parse(readFileSync(new URL('../../suites/expectations/reference.json', import.meta.url), 'utf8')));
    expect(Object.entries(ref.cases).filter(([, e]) => e.expect !== 'unsupported')).toEqual([]);
  });
});

describe('suites/README.md, the runner contract', () => {
  it(`states the contract version in code (${CONTRACT_VERSION})`, () => {
    expect(README.split('\n')[0]).toBe(`# Conformance suites — the runner contract, version ${CONTRACT_VERSION}`);
  });

  it('lists the exit codes as common/exit-codes.ts defines them', () => {
    const rows = [...README.matchAll(/^\| (\d+) \| (.+) \|$/gm)].map((m) => Number(m[1]));
    expect(rows).toEqual(Object.values(EXIT));
    expect(Object.keys(EXIT_MEANINGS).map(Number)).toEqual(Object.values(EXIT));
  });

  it('defines every outcome', () => {
    for (const o of OUTCOMES) expect(README).toMatch(new RegExp(`^\\| \\*\\*${o}\\*\\* \\|`, 'm'));
    expect(README).toMatch(/\*\*Flaky\*\* is not an outcome/);
  });
});
