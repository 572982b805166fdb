import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ERROR_TABLE } from '../errors.js';
import { OPERATIONS, OPERATION_NAMES, SHAPES, type ShapeDef } from '../../common/model/model.js';
import { OPERATION_SCHEMAS } from '../../common/model/schemas.js';
import { REQUEST_DECODERS, isOperationName, validateRequest, type OperationName } from './index.js';

interface Example {
  input?: Record<string, unknown>;
  title?: string;
}
const EXAMPLES = (
  JSON.parse(readFileSync(new URL('../../spec/kms-2014-11-01.examples-1.json', import.meta.url), 'utf8')) as {
    examples: Record<string, Example[]>;
  }
).examples;

const shape = (name: string): ShapeDef => (SHAPES as Record<string, ShapeDef>)[name];

/**
 * The examples file shows SDK-level values ("<binary data>", or a blob's text); put them on the
 * wire the way an SDK would: blobs base64 (a placeholder becomes bytes of a valid length),
 * timestamps epoch seconds.
 */
function toWire(shapeName: string, v: unknown): unknown {
  const s = shape(shapeName);
  switch (s.type) {
    case 'blob': {
      const bytes =
        v === '<binary data>' ? Buffer.alloc(Math.min(s.max ?? 32, Math.max(s.min ?? 1, 32)), 0x42) : Buffer.from(String(v), 'utf8');
      return bytes.toString('base64');
    }
    case 'timestamp':
      return typeof v === 'number' ? v : Date.parse(String(v)) / 1000;
    case 'list':
      return (v as unknown[]).map((e) => toWire(s.member, e));
    case 'map':
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, toWire(s.value, x)]));
    case 'structure':
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).map(([k, x]) => {
          const target = s.members[k];
          if (!target) throw new Error(`example member ${k} is not in ${shapeName}`);
          return [k, toWire(target, x)];
        }),
      );
    default:
      return v;
  }
}

describe('coverage of the operations table', () => {
  it('has all 54 operations, each with a compiled validator and schemas', () => {
    expect(OPERATION_NAMES).toHaveLength(54);
    for (const op of OPERATION_NAMES) {
      expect(typeof REQUEST_DECODERS[op], op).toBe('function');
      expect(OPERATION_SCHEMAS[op].input, op).toBeDefined();
      expect(OPERATION_SCHEMAS[op].output, op).toBeDefined();
      expect(isOperationName(op)).toBe(true);
    }
    expect(isOperationName('constructor')).toBe(false);
  });

  it('every declared error code is in the error table', () => {
    for (const op of OPERATION_NAMES) {
      for (const code of OPERATIONS[op].errors) expect(Object.keys(ERROR_TABLE), `${op}: ${code}`).toContain(code);
    }
  });

  it('every operation accepts a body with just its required members (minimal valid values)', () => {
    const minimal = (name: string): unknown => {
      const s = shape(name);
      switch (s.type) {
        case 'string':
          if (s.enum) return s.enum[0];
          if (s.pattern === '[0-9]{12}') return '111122223333';
          return 'x'.repeat(Math.max(s.min ?? 1, 1));
        case 'blob':
          return Buffer.alloc(Math.max(s.min ?? 1, 1)).toString('base64');
        case 'integer':
        case 'long':
          return s.min ?? 1;
        case 'boolean':
          return true;
        case 'timestamp':
          return 1_700_000_000;
        case 'list':
          return [];
        case 'map':
          return {};
        case 'structure':
          return Object.fromEntries((s.required ?? []).map((m) => [m, minimal(s.members[m])]));
      }
    };
    const patterned = new Set(['AliasName', 'GrantName', 'Policy', 'PolicyName', 'RetiringPrincipal', 'GranteePrincipal', 'ReplicaRegion', 'PrimaryRegion', 'XksKeyId']);
    for (const op of OPERATION_NAMES) {
      const body = minimal(OPERATIONS[op].input) as Record<string, unknown>;
      for (const k of Object.keys(body)) if (patterned.has(k) && body[k] === 'x') body[k] = k.endsWith('Region') ? 'us-east-1' : k === 'AliasName' ? 'alias/x' : 'x';
      expect(() => validateRequest(op, body), `${op} ${JSON.stringify(body)}`).not.toThrow();
    }
  });
});

describe('examples from spec/kms-2014-11-01.examples-1.json', () => {
  const rows: [string, OperationName, Record<string, unknown>][] = [];
  for (const [op, list] of Object.entries(EXAMPLES)) {
    if (!isOperationName(op)) throw new Error(`example for unknown operation ${op}`);
    list.forEach((ex, i) => rows.push([`${op} #${i + 1}: ${ex.title ?? ''}`, op, ex.input ?? {}]));
  }

  it('covers most operations', () => {
    expect(new Set(rows.map((r) => r[1])).size).toBeGreaterThanOrEqual(45);
  });

  /**
   * Examples that break the model they ship with: AWS's placeholder CloudHSM cluster id
   * `cluster-1a23b4cdefg` contains `1`, outside the base32 alphabet of the model's pattern
   * `cluster-[2-7a-zA-Z]{11,16}`. Real KMS validates against that pattern, so these must fail, and
   * the zod schema must fail them too.
   */
  const INVALID_EXAMPLES: Record<string, string> = {
    'CreateCustomKeyStore #1':
      "1 validation error detected: Value 'cluster-1a23b4cdefg' at 'cloudHsmClusterId' failed to satisfy constraint: Member must satisfy regular expression pattern: cluster-[2-7a-zA-Z]{11,16}",
    'UpdateCustomKeyStore #3':
      "1 validation error detected: Value 'cluster-1a23b4cdefg' at 'cloudHsmClusterId' failed to satisfy constraint: Member must satisfy regular expression pattern: cluster-[2-7a-zA-Z]{11,16}",
  };

  it.each(rows)('%s passes validation (or fails as the model says), and the zod schema agrees', (title, op, input) => {
    const wire = toWire(OPERATIONS[op].input, input);
    const schema = OPERATION_SCHEMAS[op].input as z.ZodType;
    const expected = INVALID_EXAMPLES[title.split(':')[0]];
    if (expected !== undefined) {
      expect(() => validateRequest(op, JSON.parse(JSON.stringify(wire)))).toThrowError(
        expect.objectContaining({ code: 'ValidationException', message: expected }),
      );
      expect(schema.safeDecode(JSON.parse(JSON.stringify(wire))).success).toBe(false);
      return;
    }
    const out = validateRequest(op, JSON.parse(JSON.stringify(wire)));
    expect(out).toEqual(z.decode(schema, JSON.parse(JSON.stringify(wire))));
  });
});
