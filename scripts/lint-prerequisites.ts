/**
 * Lints how conformance cases reach their prerequisites (suites/README.md, "Writing cases"):
 *
 * - every case a suite module names as the root of a prerequisite step (`coveredBy: '…'`,
 *   `testedBy: '…'`), every step of `TESTED_BY` and every key-spec metadata case `givenKey`
 *   points at is a case of the suite — a blocked verdict names it;
 * - in every area, a case's `run` creates keys (`t.createKey`, `CreateKeyCommand`) only inside
 *   `t.given(…)` (or the shared helpers built on it: givenKey, keyOf, externalKey, primaryKey, …)
 *   or inside `t.expectError(…)` — unless creating that key is its subject: it is the root some
 *   step names, or it is listed in {@link CREATION_SUBJECTS}. A creation failing in any other case
 *   is a prerequisite failing, and must make the case `blocked`, not `fail`;
 * - no `t.expectError(…)` in a case's `run` chains calls (`.then(`): a preparation failing there
 *   would be judged as the refusal under test (a false pass); it goes through `t.given` first.
 *
 * Only a case's `run` is read (its source text; for a case a factory builds, the factory's run
 * function): the callbacks a case module hands its factory, and helpers, are reviewed, not linted.
 * (Reading the modules' text as well flags callbacks that factories run inside `t.given` or as the
 * refused call — `prepare`, `call` — so it is not done.)
 *
 * @module
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { LoadedCase } from '../harness/conformance/case.js';
import { KEY_SPEC_USAGES, keySpecCase, TESTED_BY } from '../suites/conformance/_lib/prerequisites.js';

export interface PrerequisiteProblem {
  file: string;
  id?: string;
  message: string;
}

/** Cases whose subject is creating a key, though no prerequisite step names them: id → why. */
export const CREATION_SUBJECTS: Readonly<Record<string, string>> = {
  'policy.lockout-bypass-create-key-accepted': 'its subject is CreateKey with BypassPolicyLockoutSafetyCheck',
  'keys.create-key-unique-ids': 'its subject is two CreateKey calls answering different ids',
  'tags.create-key-reserved-prefix-lower-case': 'its subject is CreateKey refusing an aws: tag key',
  'tags.create-key-reserved-prefix-upper-case': 'its subject is CreateKey refusing an AWS: tag key',
  'limits.create-key-51-tags': 'its subject is CreateKey refusing 51 tags',
  'limits.create-key-description-8192': 'its subject is CreateKey accepting an 8192-character description',
  'limits.create-key-description-8193': 'its subject is CreateKey refusing an 8193-character description',
  'limits.tag-key-129-characters': 'its subject is CreateKey refusing a 129-character tag key',
  'limits.tag-value-257-characters': 'its subject is CreateKey refusing a 257-character tag value',
};

const CREATION = /\.createKey\(|new CreateKeyCommand\(/g;

/** The [open, close] offsets of the argument list of every `.<name>(` call in `src`, skipping string literals. */
export function callSpans(src: string, name: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = new RegExp(`\\.${name}\\(`, 'g');
  for (let m = re.exec(src); m; m = re.exec(src)) {
    let depth = 0;
    let i = m.index + m[0].length - 1;
    for (; i < src.length; i++) {
      const ch = src[i]!;
      if (ch === "'" || ch === '"' || ch === '`') {
        for (i++; i < src.length && src[i] !== ch; i++) if (src[i] === '\\') i++;
      } else if (ch === '(') depth++;
      else if (ch === ')' && --depth === 0) break;
    }
    out.push([m.index, i]);
  }
  return out;
}

/** Offsets of key creations in `src` that are neither inside `t.given(…)` nor inside `t.expectError(…)`. */
export function plainCreations(src: string): number[] {
  const inside = [...callSpans(src, 'given'), ...callSpans(src, 'expectError')];
  return [...src.matchAll(CREATION)].map((m) => m.index).filter((at) => !inside.some(([a, b]) => at > a && at < b));
}

/** Offsets of `t.expectError(…)` calls in `src` whose argument chains a call (`.then(`). */
export function chainedRefusals(src: string): number[] {
  return callSpans(src, 'expectError')
    .filter(([a, b]) => /\.then\(/.test(src.slice(a, b)))
    .map(([a]) => a);
}

/**
 * The case ids suite modules name as roots of steps, with the module: every quoted case id on the
 * rest of a `coveredBy:` or `testedBy:` line (`coveredBy: xks ? 'a.b' : 'a.c'` names both).
 */
export function namedRoots(sources: ReadonlyArray<{ file: string; text: string }>): Array<{ file: string; id: string }> {
  return sources.flatMap(({ file, text }) =>
    [...text.matchAll(/\b(?:coveredBy|testedBy):([^\n]*)/g)].flatMap((m) => [...m[1]!.matchAll(/'([a-z0-9-]+(?:\.[a-z0-9-]+)+)'/g)].map((x) => ({ file, id: x[1]! }))),
  );
}

/** Every root: named in modules, the shared steps of TESTED_BY, and the metadata case of each key spec and usage. */
export function allRoots(sources: ReadonlyArray<{ file: string; text: string }>): Array<{ file: string; id: string }> {
  const lib = '_lib/prerequisites.ts';
  return [
    ...namedRoots(sources),
    ...Object.values(TESTED_BY).map((id) => ({ file: lib, id })),
    ...Object.entries(KEY_SPEC_USAGES).flatMap(([spec, usages]) => usages.map((u) => ({ file: lib, id: keySpecCase(spec, u)! }))),
  ];
}

export function lintPrerequisites(cases: readonly LoadedCase[], sources: ReadonlyArray<{ file: string; text: string }>): PrerequisiteProblem[] {
  const problems: PrerequisiteProblem[] = [];
  const ids = new Set(cases.map((c) => c.case.id));
  const roots = allRoots(sources);
  for (const r of roots) if (!ids.has(r.id)) problems.push({ file: r.file, message: `names '${r.id}' as the case that tests a prerequisite step, but no case has that id` });
  const rootIds = new Set(roots.map((r) => r.id));
  for (const { case: c, file } of cases) {
    if (chainedRefusals(String(c.run)).length > 0) {
      problems.push({
        file,
        id: c.id,
        message: 'chains a call inside t.expectError: a preparation failing there would pass as the refusal; make it a prerequisite (t.given) and refuse the one call under test',
      });
    }
    if (rootIds.has(c.id) || c.id in CREATION_SUBJECTS) continue;
    const plain = plainCreations(String(c.run)).length;
    if (plain > 0) {
      problems.push({
        file,
        id: c.id,
        message: `creates ${plain === 1 ? 'a key' : `${plain} keys`} with a plain call: a prerequisite goes through t.given (givenKey, keyOf, externalKey, primaryKey, …), so a target failing it blocks the case instead of failing it`,
      });
    }
  }
  return problems;
}

/** The suite's modules as text (paths relative to `dir`, with `/`), support modules included. */
export function readSuiteSources(dir: string): Array<{ file: string; text: string }> {
  const out: Array<{ file: string; text: string }> = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.[tj]s$/.test(name) && !/\.d\.[tj]s$|\.test\.[tj]s$/.test(name)) out.push({ file: relative(dir, p).split(sep).join('/'), text: readFileSync(p, 'utf8') });
    }
  };
  walk(dir);
  return out;
}
