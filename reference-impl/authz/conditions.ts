/**
 * The Condition element: compiled once per statement into one closure over the request context.
 *
 * Rules (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html):
 * - several operators in a block, and several keys under one operator, are ANDed;
 * - several values for one key are ORed; for a negated operator (StringNotEquals, ...) they
 *   are NORed — the negated operator is the negation of its positive twin over the same values;
 * - `ForAnyValue:` — at least one request value satisfies the operator; `ForAllValues:` — every
 *   request value does; ForAllValues is also true when the key is absent or has no values
 *   ("The ForAllValues set operator also returns true if there are no context keys in the
 *   request", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition_examples-multi-valued-context-keys.html);
 *   ForAnyValue is false then.
 * - absent key, plain operator: the values do not match, so a positive operator is false and a
 *   negated one ("StringNotLike or ArnNotLike ... and the right key is not present") is true;
 *   `...IfExists`: true when absent; `Null`: tests presence only
 *   (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
 * - condition key names are case-insensitive, including the context-key part of
 *   kms:EncryptionContext:context-key ("the condition key, which consists of the
 *   kms:EncryptionContext: prefix and the context-key replacement, is not case sensitive",
 *   https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-encryption-context-case).
 *   The request context therefore stores keys lower-cased (see context.ts).
 *
 * Not implemented: policy variables (`${aws:username}`) are compared literally.
 *
 * @module
 */
import { MalformedPolicyDocumentException } from '../errors.js';
import { cidrContains, parseCidr, parseIp, type Cidr } from './ip.js';
import { malformedMsg } from './messages.js';
import { compileArnPattern, compileGlobSet, type Matcher } from './wildcard.js';

/** Request context: lower-cased condition key → its values (never an empty array). */
export type ConditionContext = ReadonlyMap<string, readonly string[]>;

export type CompiledCondition = (ctx: ConditionContext) => boolean;

type Base =
  | 'StringEquals'
  | 'StringEqualsIgnoreCase'
  | 'StringLike'
  | 'NumericEquals'
  | 'NumericLessThan'
  | 'NumericLessThanEquals'
  | 'NumericGreaterThan'
  | 'NumericGreaterThanEquals'
  | 'DateEquals'
  | 'DateLessThan'
  | 'DateLessThanEquals'
  | 'DateGreaterThan'
  | 'DateGreaterThanEquals'
  | 'Bool'
  | 'BinaryEquals'
  | 'IpAddress'
  | 'ArnLike';

/** Every operator name (without IfExists / set prefixes) → its positive base and whether negated. */
const OPERATORS: Record<string, { base: Base; negated: boolean }> = {
  stringequals: { base: 'StringEquals', negated: false },
  stringnotequals: { base: 'StringEquals', negated: true },
  stringequalsignorecase: { base: 'StringEqualsIgnoreCase', negated: false },
  stringnotequalsignorecase: { base: 'StringEqualsIgnoreCase', negated: true },
  stringlike: { base: 'StringLike', negated: false },
  stringnotlike: { base: 'StringLike', negated: true },
  numericequals: { base: 'NumericEquals', negated: false },
  numericnotequals: { base: 'NumericEquals', negated: true },
  numericlessthan: { base: 'NumericLessThan', negated: false },
  numericlessthanequals: { base: 'NumericLessThanEquals', negated: false },
  numericgreaterthan: { base: 'NumericGreaterThan', negated: false },
  numericgreaterthanequals: { base: 'NumericGreaterThanEquals', negated: false },
  dateequals: { base: 'DateEquals', negated: false },
  datenotequals: { base: 'DateEquals', negated: true },
  datelessthan: { base: 'DateLessThan', negated: false },
  datelessthanequals: { base: 'DateLessThanEquals', negated: false },
  dategreaterthan: { base: 'DateGreaterThan', negated: false },
  dategreaterthanequals: { base: 'DateGreaterThanEquals', negated: false },
  bool: { base: 'Bool', negated: false },
  binaryequals: { base: 'BinaryEquals', negated: false },
  ipaddress: { base: 'IpAddress', negated: false },
  notipaddress: { base: 'IpAddress', negated: true },
  // "The ArnEquals and ArnLike condition operators behave identically." (condition operators page)
  arnequals: { base: 'ArnLike', negated: false },
  arnlike: { base: 'ArnLike', negated: false },
  arnnotequals: { base: 'ArnLike', negated: true },
  arnnotlike: { base: 'ArnLike', negated: true },
};

export interface ParsedOperator {
  set: 'none' | 'any' | 'all';
  ifExists: boolean;
  /** null for the Null operator. */
  base: Base | null;
  negated: boolean;
}

/** Parses `[ForAnyValue:|ForAllValues:]Operator[IfExists]`; null when unknown. Names compare case-insensitively. */
export function parseOperator(name: string): ParsedOperator | null {
  let rest = name.toLowerCase();
  let set: ParsedOperator['set'] = 'none';
  if (rest.startsWith('foranyvalue:')) {
    set = 'any';
    rest = rest.slice('foranyvalue:'.length);
  } else if (rest.startsWith('forallvalues:')) {
    set = 'all';
    rest = rest.slice('forallvalues:'.length);
  }
  if (rest === 'null') return set === 'none' ? { set, ifExists: false, base: null, negated: false } : null;
  let ifExists = false;
  // "You can add IfExists to the end of any condition operator name except the Null condition."
  if (rest.endsWith('ifexists')) {
    ifExists = true;
    rest = rest.slice(0, -'ifexists'.length);
  }
  const op = OPERATORS[rest];
  return op === undefined ? null : { set, ifExists, base: op.base, negated: op.negated };
}

/** Date as epoch ms: ISO 8601 (W3C profile) or epoch seconds, as IAM accepts both. */
export function parseDate(s: string): number {
  if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s) * 1000;
  const t = Date.parse(s);
  return Number.isNaN(t) ? NaN : t;
}

const normaliseBase64 = (s: string): string | null => {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return null;
  return Buffer.from(s, 'base64').toString('base64');
};

/** "true"/"false" compared case-insensitively (JSON booleans arrive as strings). */
const boolOf = (s: string): string | null => {
  const l = s.toLowerCase();
  return l === 'true' || l === 'false' ? l : null;
};

/** One request value against all the policy values of one key: true when any policy value matches. */
function valueMatcher(base: Base, values: readonly string[]): Matcher {
  switch (base) {
    case 'StringEquals': {
      if (values.length === 1) {
        const only = values[0];
        return (v) => v === only;
      }
      const set = new Set(values);
      return (v) => set.has(v);
    }
    case 'StringEqualsIgnoreCase': {
      const set = new Set(values.map((v) => v.toLowerCase()));
      return (v) => set.has(v.toLowerCase());
    }
    case 'StringLike':
      return compileGlobSet(values);
    case 'NumericEquals':
    case 'NumericLessThan':
    case 'NumericLessThanEquals':
    case 'NumericGreaterThan':
    case 'NumericGreaterThanEquals': {
      const nums = values.map(Number).filter((n) => !Number.isNaN(n));
      return compareMatcher(base.slice('Numeric'.length), nums, Number);
    }
    case 'DateEquals':
    case 'DateLessThan':
    case 'DateLessThanEquals':
    case 'DateGreaterThan':
    case 'DateGreaterThanEquals': {
      const dates = values.map(parseDate).filter((n) => !Number.isNaN(n));
      return compareMatcher(base.slice('Date'.length), dates, parseDate);
    }
    case 'Bool': {
      const set = new Set(values.map(boolOf).filter((b) => b !== null));
      return (v) => {
        const b = boolOf(v);
        return b !== null && set.has(b);
      };
    }
    case 'BinaryEquals': {
      const set = new Set(values.map(normaliseBase64).filter((b) => b !== null));
      return (v) => {
        const b = normaliseBase64(v);
        return b !== null && set.has(b);
      };
    }
    case 'IpAddress': {
      const cidrs = values.map(parseCidr).filter((c): c is Cidr => c !== null);
      return (v) => {
        const ip = parseIp(v);
        return ip !== null && cidrs.some((c) => cidrContains(c, ip));
      };
    }
    case 'ArnLike': {
      const matchers = values.map(compileArnPattern);
      return (v) => matchers.some((m) => m(v));
    }
  }
}

function compareMatcher(cmp: string, policy: readonly number[], parse: (s: string) => number): Matcher {
  const test = (a: number, b: number): boolean => {
    switch (cmp) {
      case 'Equals':
        return a === b;
      case 'LessThan':
        return a < b;
      case 'LessThanEquals':
        return a <= b;
      case 'GreaterThan':
        return a > b;
      default:
        return a >= b;
    }
  };
  return (v) => {
    const n = parse(v);
    return !Number.isNaN(n) && policy.some((p) => test(n, p));
  };
}

const scalar = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;

function policyValues(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw : [raw];
  const out = list.map(scalar);
  if (out.length === 0 || out.some((v) => v === null)) throw new MalformedPolicyDocumentException(malformedMsg.conditionValue);
  return out as string[];
}

/** One operator + one key, compiled. */
function compileEntry(op: ParsedOperator, key: string, values: readonly string[]): CompiledCondition {
  if (op.base === null) {
    // Null: "true (the key doesn't exist — it is null) or false (the key exists and its value is not null)".
    const wantAbsent = values.map((v) => v.toLowerCase() === 'true');
    return (ctx) => {
      const absent = ctx.get(key) === undefined;
      return wantAbsent.some((w) => w === absent);
    };
  }
  const match = valueMatcher(op.base, values);
  const { negated, ifExists, set } = op;
  const whenAbsent = ifExists ? true : set === 'all' ? true : set === 'any' ? false : negated;
  if (set === 'none') {
    return (ctx) => {
      const vs = ctx.get(key);
      if (vs === undefined) return whenAbsent;
      let hit = false;
      for (let i = 0; i < vs.length; i++) {
        if (match(vs[i])) {
          hit = true;
          break;
        }
      }
      return hit !== negated;
    };
  }
  const one = negated ? (v: string) => !match(v) : match;
  if (set === 'any') return (ctx) => (ctx.get(key)?.some(one) ?? whenAbsent);
  return (ctx) => (ctx.get(key)?.every(one) ?? whenAbsent);
}

export interface CompiledConditionBlock {
  test: CompiledCondition;
  /** Every (operator, lower-cased key) pair, for policy checks such as OverlyPermissiveCondition. */
  entries: { op: ParsedOperator; key: string }[];
}

/** Compiles a statement's Condition element. @throws MalformedPolicyDocumentException */
export function compileConditionBlock(raw: unknown): CompiledConditionBlock {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new MalformedPolicyDocumentException(malformedMsg.conditionBlock);
  }
  const tests: CompiledCondition[] = [];
  const entries: CompiledConditionBlock['entries'] = [];
  for (const [opName, body] of Object.entries(raw as Record<string, unknown>)) {
    const op = parseOperator(opName);
    if (op === null) throw new MalformedPolicyDocumentException(malformedMsg.conditionOperator(opName));
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new MalformedPolicyDocumentException(malformedMsg.conditionBlock);
    }
    for (const [keyName, value] of Object.entries(body as Record<string, unknown>)) {
      const key = keyName.toLowerCase();
      entries.push({ op, key });
      tests.push(compileEntry(op, key, policyValues(value)));
    }
  }
  if (tests.length === 1) return { test: tests[0], entries };
  return {
    test: (ctx) => {
      for (let i = 0; i < tests.length; i++) if (!tests[i](ctx)) return false;
      return true;
    },
    entries,
  };
}
