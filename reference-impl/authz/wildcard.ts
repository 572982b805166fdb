/**
 * Wildcard matchers for policy strings, compiled once per policy.
 *
 * IAM policy wildcards are `*` (any run of characters, possibly empty) and `?` (exactly one
 * character), in Action/NotAction, Resource/NotResource and the `...Like` condition operators.
 * Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 * and https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String
 *
 * The ARN operators compare each of the six colon-separated ARN parts on its own, so a `*`
 * never crosses a colon there (same condition-operators page, "Amazon Resource Name (ARN)
 * condition operators").
 *
 * @module
 */

export type Matcher = (s: string) => boolean;

const ALWAYS: Matcher = () => true;
const NEVER: Matcher = () => false;

export const hasWildcard = (pattern: string): boolean => pattern.includes('*') || pattern.includes('?');

const escapeRegex = (s: string): string => s.replace(/[.+^${}()|[\]\\/-]/g, '\\$&');

/** Regex source for one glob: `*` → any run, `?` → one character (including newlines and colons). */
export const globSource = (pattern: string): string =>
  escapeRegex(pattern).replace(/\*/g, '[\\s\\S]*').replace(/\?/g, '[\\s\\S]');

/** One pattern. Exact patterns compare with `===`; a single trailing `*` is a prefix test. */
export function compileGlob(pattern: string): Matcher {
  if (pattern === '*') return ALWAYS;
  if (!hasWildcard(pattern)) return (s) => s === pattern;
  const star = pattern.indexOf('*');
  if (!pattern.includes('?') && star === pattern.length - 1) {
    const prefix = pattern.slice(0, -1);
    return (s) => s.startsWith(prefix);
  }
  if (!pattern.includes('?')) return starGlob(pattern.split('*'));
  const re = new RegExp(`^${globSource(pattern)}$`);
  return (s) => re.test(s);
}

/**
 * A pattern with `*` only, as its literal pieces: the first must start the subject, the last end
 * it, and the ones between appear in order (leftmost placement is always safe for `*`). No regex,
 * no backtracking: ARN patterns like `arn:aws:kms:*:111122223333:key/*` cost a few indexOf calls.
 */
function starGlob(pieces: readonly string[]): Matcher {
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  const middle = pieces.slice(1, -1).filter((p) => p.length > 0);
  const minLength = pieces.reduce((n, p) => n + p.length, 0);
  return (s) => {
    if (s.length < minLength || !s.startsWith(first) || !s.endsWith(last)) return false;
    let at = first.length;
    const end = s.length - last.length;
    for (let i = 0; i < middle.length; i++) {
      const found = s.indexOf(middle[i], at);
      if (found < 0 || found + middle[i].length > end) return false;
      at = found + middle[i].length;
    }
    return true;
  };
}

/**
 * Any of several patterns. Exact ones go into a Set, the rest into one alternation, so the
 * cost per test does not grow with the number of exact values. Callers that need
 * case-insensitive matching lower-case both the patterns and the subject beforehand.
 */
export function compileGlobSet(patterns: readonly string[]): Matcher {
  if (patterns.length === 0) return NEVER;
  if (patterns.includes('*')) return ALWAYS;
  if (patterns.length === 1) return compileGlob(patterns[0]);
  const exact = new Set<string>();
  const wild: string[] = [];
  for (const p of patterns) {
    if (hasWildcard(p)) wild.push(p);
    else exact.add(p);
  }
  if (wild.length === 0) return (s) => exact.has(s);
  const re = new RegExp(`^(?:${wild.map(globSource).join('|')})$`);
  if (exact.size === 0) return (s) => re.test(s);
  return (s) => exact.has(s) || re.test(s);
}

/** Splits an ARN into its six parts (the last one keeps any further colons), or null. */
export function splitArn(arn: string): string[] | null {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < 5; i++) {
    const at = arn.indexOf(':', from);
    if (at < 0) return null;
    parts.push(arn.slice(from, at));
    from = at + 1;
  }
  parts.push(arn.slice(from));
  return parts[0] === 'arn' ? parts : null;
}

/**
 * ArnEquals/ArnLike: each of the six parts matched separately, case-sensitively, with
 * wildcards allowed in every part. A pattern that is not an ARN matches only when it is `*`.
 */
export function compileArnPattern(pattern: string): Matcher {
  if (pattern === '*') return ALWAYS;
  const parts = splitArn(pattern);
  if (parts === null) return NEVER;
  const matchers = parts.map(compileGlob);
  return (s) => {
    const subject = splitArn(s);
    if (subject === null) return false;
    for (let i = 0; i < 6; i++) if (!matchers[i](subject[i])) return false;
    return true;
  };
}
