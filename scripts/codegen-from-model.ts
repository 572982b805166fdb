/**
 * Generates `common/model/` from the KMS service model
 * (`spec/kms-2014-11-01.service-2.json`).
 *
 *   node --import tsx scripts/codegen-from-model.ts            # (re)write common/model/
 *   node --import tsx scripts/codegen-from-model.ts --out DIR  # write somewhere else
 *   node --import tsx scripts/codegen-from-model.ts --check    # exit 1 if the committed output is stale
 *
 * Output (committed; never edit by hand):
 * - `model.ts`   — the shapes reachable from the 54 operations as a compact data table (types,
 *                  min/max, patterns as Java source + translated JS RegExp, enums, required and
 *                  sensitive members) and the operations table (input, output, declared errors,
 *                  one-line summary). No documentation beyond that summary.
 * - `schemas.ts` — zod 4 schemas for every shape (blobs as base64<->Buffer codecs, timestamps as
 *                  epoch-seconds<->Date codecs), `z.output` / `z.input` types per structure and enum,
 *                  and the per-operation input/output schema table.
 * - `index.ts`   — re-exports.
 *
 * The request validator on the hot path (`reference-impl/validate/`) is driven by `model.ts`;
 * the zod schemas give the types and a second, independent reading of the same constraints.
 *
 * @module
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// ---------------------------------------------------------------------------------------------
// Model types (the subset of the botocore service-2 format that KMS uses)

interface ModelMemberRef {
  shape: string;
  deprecated?: boolean;
}

interface ModelShape {
  type: string;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  sensitive?: boolean;
  deprecated?: boolean;
  exception?: boolean;
  required?: string[];
  members?: Record<string, ModelMemberRef>;
  member?: ModelMemberRef;
  key?: ModelMemberRef;
  value?: ModelMemberRef;
}

interface ModelOperation {
  name: string;
  input?: { shape: string };
  output?: { shape: string };
  errors?: { shape: string }[];
  documentation?: string;
  deprecated?: boolean;
}

export interface ServiceModel {
  metadata: Record<string, unknown>;
  operations: Record<string, ModelOperation>;
  shapes: Record<string, ModelShape>;
}

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
export const MODEL_PATH = join(ROOT, 'spec', 'kms-2014-11-01.service-2.json');
export const DEFAULT_OUT_DIR = join(ROOT, 'common', 'model');

const HEADER = (file: string): string =>
  `// GENERATED FILE — DO NOT EDIT. ${file} is written by scripts/codegen-from-model.ts from\n` +
  `// spec/kms-2014-11-01.service-2.json; run \`npm run codegen\` to regenerate.\n` +
  `/* eslint-disable */\n`;

/**
 * Enum value order as real KMS prints it in `Member must satisfy enum value set: [...]`, where it
 * was observed and differs from the model's order. AWS does not print the model order (its set
 * is a hash set on the service side); the order below was recorded against real KMS by
 * LocalStack's snapshot tests (tests/aws/services/kms/test_kms.snapshot.json, 2023-04-13,
 * `test_invalid_generate_mac[HMAC_256-INVALID]`). It is applied only while the model's value
 * set is exactly the recorded set; enums whose set changed since (KeySpec, KeyUsage) fall back to
 * the model order.
 */
const OBSERVED_ENUM_MESSAGE_ORDER: Record<string, string[]> = {
  MacAlgorithmSpec: ['HMAC_SHA_384', 'HMAC_SHA_256', 'HMAC_SHA_224', 'HMAC_SHA_512'],
};

// ---------------------------------------------------------------------------------------------
// Helpers

const ident = (name: string): string => {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`shape name is not an identifier: ${name}`);
  return name;
};

const str = (s: string): string => JSON.stringify(s);

/** One line of plain text from the model's HTML documentation: its first sentence, at most 200 chars. */
export function summarize(html: string | undefined): string {
  if (!html) return '';
  const text = html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;:!?])/g, '$1')
    .trim();
  const m = /^(.+?[.!?])(\s|$)/.exec(text);
  let first = (m ? m[1] : text).trim();
  if (first.length > 200) first = first.slice(0, 197).trimEnd() + '...';
  return first;
}

/**
 * Translates a model pattern (Java `java.util.regex` syntax, matched with `Matcher.matches()`,
 * i.e. against the whole value) into JS RegExp source anchored the same way. Java's `\s` is
 * ASCII-only ([ \t\n\x0B\f\r]) where JS's is Unicode-wide; it is spelled out. Everything else the
 * KMS patterns use (`\w`, `\d`, `\uXXXX`, classes, `{m,n}`, alternation) means the same in both.
 */
export function translatePattern(javaPattern: string): { source: string; flags: string } {
  let out = '';
  let inClass = false;
  for (let i = 0; i < javaPattern.length; i++) {
    const c = javaPattern[i];
    if (c === '\\') {
      const n = javaPattern[i + 1];
      if (n === 's') {
        out += inClass ? ' \\t\\n\\x0B\\f\\r' : '[ \\t\\n\\x0B\\f\\r]';
      } else if (n === 'S') {
        if (inClass) throw new Error(`\\S inside a class is not supported: ${javaPattern}`);
        out += '[^ \\t\\n\\x0B\\f\\r]';
      } else {
        out += c + (n ?? '');
      }
      i++;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    out += c;
  }
  const source = `^(?:${out})$`;
  for (const flags of ['u', '']) {
    try {
      new RegExp(source, flags);
      return { source, flags };
    } catch {
      /* try the next flag set */
    }
  }
  throw new Error(`pattern does not compile as a JS RegExp: ${javaPattern}`);
}

// ---------------------------------------------------------------------------------------------
// Analysis

interface Analysis {
  /** Shapes reachable from operation inputs/outputs, dependencies first. */
  order: string[];
  /** Shapes reachable from operation inputs. */
  inputShapes: Set<string>;
}

function children(s: ModelShape): string[] {
  const out: string[] = [];
  if (s.members) for (const m of Object.values(s.members)) out.push(m.shape);
  if (s.member) out.push(s.member.shape);
  if (s.key) out.push(s.key.shape);
  if (s.value) out.push(s.value.shape);
  return out;
}

function analyse(model: ServiceModel): Analysis {
  const order: string[] = [];
  const state = new Map<string, 1 | 2>();
  const visit = (name: string, trail: string[]): void => {
    const st = state.get(name);
    if (st === 2) return;
    if (st === 1) throw new Error(`recursive shapes are not supported: ${[...trail, name].join(' -> ')}`);
    const shape = model.shapes[name];
    if (!shape) throw new Error(`unknown shape ${name}`);
    state.set(name, 1);
    for (const c of children(shape)) visit(c, [...trail, name]);
    state.set(name, 2);
    order.push(name);
  };
  const opNames = Object.keys(model.operations).sort();
  for (const op of opNames) {
    const o = model.operations[op];
    if (o.input) visit(o.input.shape, [op]);
    if (o.output) visit(o.output.shape, [op]);
  }
  const inputShapes = new Set<string>();
  const visitIn = (name: string): void => {
    if (inputShapes.has(name)) return;
    inputShapes.add(name);
    for (const c of children(model.shapes[name])) visitIn(c);
  };
  for (const op of opNames) {
    const o = model.operations[op];
    if (o.input) visitIn(o.input.shape);
  }
  return { order, inputShapes };
}

const SUPPORTED = new Set(['string', 'blob', 'integer', 'long', 'boolean', 'timestamp', 'list', 'map', 'structure']);

// ---------------------------------------------------------------------------------------------
// model.ts

function emitModel(model: ServiceModel, a: Analysis): string {
  const lines: string[] = [];
  lines.push(HEADER('model.ts'));
  lines.push(`/**
 * The KMS service model as data: every shape reachable from an operation's input or output, and
 * the operations table. Member names are the wire (PascalCase) names; \`sensitiveMembers\` lists
 * the members whose target shape is marked \`sensitive\` in the model (their values must never be
 * echoed in a message or a log).
 *
 * @module
 */

import type { OperationDef, ShapeDef } from '../model-types.js';

export type { OperationDef, ShapeDef };
`);
  lines.push(`export const SERVICE = ${JSON.stringify({
    apiVersion: model.metadata.apiVersion,
    targetPrefix: model.metadata.targetPrefix,
    jsonVersion: model.metadata.jsonVersion,
    signingName: (model.metadata.signingName as string | undefined) ?? model.metadata.endpointPrefix,
  })} as const;\n`);

  lines.push(`export const SHAPES = {`);
  for (const name of a.order) {
    const s = model.shapes[name];
    if (!SUPPORTED.has(s.type)) throw new Error(`shape ${name}: unsupported type ${s.type}`);
    const parts: string[] = [`type: ${str(s.type)}`];
    switch (s.type) {
      case 'structure': {
        const members = Object.entries(s.members ?? {});
        parts.push(
          members.length ? `members: { ${members.map(([m, ref]) => `${ident(m)}: ${str(ref.shape)}`).join(', ')} }` : 'members: {}',
        );
        for (const r of s.required ?? []) {
          if (!s.members?.[r]) throw new Error(`shape ${name}: required member ${r} is not a member`);
        }
        if (s.required?.length) parts.push(`required: [${s.required.map(str).join(', ')}]`);
        const sens = members.filter(([, ref]) => model.shapes[ref.shape].sensitive).map(([m]) => m);
        if (sens.length) parts.push(`sensitiveMembers: [${sens.map(str).join(', ')}]`);
        break;
      }
      case 'list':
        parts.push(`member: ${str(s.member!.shape)}`);
        break;
      case 'map':
        parts.push(`key: ${str(s.key!.shape)}`, `value: ${str(s.value!.shape)}`);
        break;
      default:
        break;
    }
    if (s.min !== undefined) parts.push(`min: ${s.min}`);
    if (s.max !== undefined) parts.push(`max: ${s.max}`);
    if (s.pattern !== undefined) {
      if (s.type !== 'string') throw new Error(`shape ${name}: pattern on a ${s.type}`);
      const { source, flags } = translatePattern(s.pattern);
      parts.push(`pattern: ${str(s.pattern)}`, `regex: new RegExp(${str(source)}, ${str(flags)})`);
    }
    if (s.enum) {
      if (s.type !== 'string') throw new Error(`shape ${name}: enum on a ${s.type}`);
      parts.push(`enum: [${s.enum.map(str).join(', ')}]`);
      const observed = OBSERVED_ENUM_MESSAGE_ORDER[name];
      if (observed && observed.length === s.enum.length && observed.every((v) => s.enum!.includes(v))) {
        parts.push(`enumInMessage: [${observed.map(str).join(', ')}]`);
      }
    }
    if (s.sensitive) parts.push(`sensitive: true`);
    if (s.deprecated && s.type === 'string') parts.push(`deprecated: true`);
    lines.push(`  ${ident(name)}: { ${parts.join(', ')} },`);
  }
  lines.push(`} as const satisfies Readonly<Record<string, ShapeDef>>;\n`);
  lines.push(`export type ShapeName = keyof typeof SHAPES;\n`);

  lines.push(`export const OPERATIONS = {`);
  for (const op of Object.keys(model.operations).sort()) {
    const o = model.operations[op];
    if (!o.input) throw new Error(`operation ${op} has no input shape`);
    const errors = (o.errors ?? []).map((e) => e.shape);
    lines.push(
      `  ${ident(op)}: { input: ${str(o.input.shape)}, output: ${o.output ? str(o.output.shape) : 'null'}, ` +
        `errors: [${errors.map(str).join(', ')}], summary: ${str(summarize(o.documentation))} },`,
    );
  }
  lines.push(`} as const satisfies Readonly<Record<string, OperationDef>>;\n`);
  lines.push(`export type OperationName = keyof typeof OPERATIONS;\n`);
  lines.push(`export const OPERATION_NAMES = Object.keys(OPERATIONS) as OperationName[];\n`);
  lines.push(`/** Structures that have sensitive members, and which. */`);
  lines.push(`export const SENSITIVE_MEMBERS = {`);
  for (const name of a.order) {
    const s = model.shapes[name];
    if (s.type !== 'structure') continue;
    const sens = Object.entries(s.members ?? {})
      .filter(([, ref]) => model.shapes[ref.shape].sensitive)
      .map(([m]) => m);
    if (sens.length) lines.push(`  ${name}: [${sens.map(str).join(', ')}],`);
  }
  lines.push(`} as const satisfies Readonly<Record<string, readonly string[]>>;`);
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// schemas.ts

function zodFor(model: ServiceModel, name: string): string {
  const s = model.shapes[name];
  const bounds = (): string =>
    `${s.min !== undefined ? `.min(${s.min})` : ''}${s.max !== undefined ? `.max(${s.max})` : ''}`;
  switch (s.type) {
    case 'string': {
      if (s.enum) return `z.enum([${s.enum.map(str).join(', ')}])`;
      if (s.min === undefined && s.max === undefined && s.pattern === undefined) return 'z.string()';
      const opts: string[] = [];
      if (s.min !== undefined) opts.push(`min: ${s.min}`);
      if (s.max !== undefined) opts.push(`max: ${s.max}`);
      if (s.pattern !== undefined) opts.push(`regex: SHAPES.${name}.regex`);
      return `str({ ${opts.join(', ')} })`;
    }
    case 'blob':
      return `blob(${s.min ?? 0}, ${s.max ?? 'Infinity'})`;
    case 'integer':
    case 'long':
      return `z.int()${bounds()}`;
    case 'boolean':
      return 'z.boolean()';
    case 'timestamp':
      return 'timestamp()';
    case 'list':
      return `z.array(${s.member!.shape}Schema)${bounds()}`;
    case 'map': {
      const rec = `z.record(${s.key!.shape}Schema, ${s.value!.shape}Schema)`;
      if (s.min === undefined && s.max === undefined) return rec;
      return `${rec}.refine((m) => { const n = Object.keys(m).length; return n >= ${s.min ?? 0} && n <= ${s.max ?? 'Infinity'}; })`;
    }
    case 'structure': {
      const req = new Set(s.required ?? []);
      const members = Object.entries(s.members ?? {}).map(
        ([m, ref]) => `${m}: ${ref.shape}Schema${req.has(m) ? '' : '.optional()'}`,
      );
      return members.length ? `z.object({ ${members.join(', ')} })` : 'z.object({})';
    }
    default:
      throw new Error(`unsupported type ${s.type}`);
  }
}

function emitSchemas(model: ServiceModel, a: Analysis): string {
  const lines: string[] = [];
  lines.push(HEADER('schemas.ts'));
  lines.push(`/**
 * zod 4 schemas for every KMS shape. Each schema reads the wire form (JSON: blobs as base64
 * strings, timestamps as epoch seconds) and yields the in-memory form (blobs as \`Buffer\`,
 * timestamps as \`Date\`): decode with \`z.decode(Schema, json)\`, encode with
 * \`z.encode(Schema, value)\`. For each structure and enum, \`Name\` is the in-memory type
 * (\`z.output\`) and \`NameWire\` the JSON type (\`z.input\`). String lengths count code points and
 * blob lengths decoded bytes, as the model means them. Unknown members are stripped (AWS ignores them).
 *
 * The server's hot path does not use these: see reference-impl/validate/ (same model, AWS's exact
 * error messages, a few microseconds a call).
 *
 * @module
 */
import { z } from 'zod';
import { blob, str, timestamp } from '../model-zod.js';
import { SHAPES, type OperationName } from './model.js';
`);
  for (const name of a.order) {
    const s = model.shapes[name];
    lines.push(`export const ${ident(name)}Schema = ${zodFor(model, name)};`);
    if (s.type === 'structure' || (s.type === 'string' && s.enum)) {
      lines.push(`export type ${name} = z.output<typeof ${name}Schema>;`);
      if (s.type === 'structure') lines.push(`export type ${name}Wire = z.input<typeof ${name}Schema>;`);
    }
  }
  lines.push(`
/** The output schema of operations that answer with an empty body. */
export const EmptyOutputSchema = z.object({});
`);
  lines.push(`export const OPERATION_SCHEMAS = {`);
  for (const op of Object.keys(model.operations).sort()) {
    const o = model.operations[op];
    lines.push(`  ${op}: { input: ${o.input!.shape}Schema, output: ${o.output ? `${o.output.shape}Schema` : 'EmptyOutputSchema'} },`);
  }
  lines.push(`} as const satisfies Record<OperationName, { input: z.ZodType; output: z.ZodType }>;

/** An operation's validated input: blobs as \`Buffer\`, timestamps as \`Date\`. */
export type OperationInput<O extends OperationName> = z.output<(typeof OPERATION_SCHEMAS)[O]['input']>;
/** An operation's input as JSON on the wire. */
export type OperationInputWire<O extends OperationName> = z.input<(typeof OPERATION_SCHEMAS)[O]['input']>;
/** An operation's result as a handler produces it: blobs as \`Buffer\`, timestamps as \`Date\`. */
export type OperationOutput<O extends OperationName> = z.output<(typeof OPERATION_SCHEMAS)[O]['output']>;
/** An operation's result as JSON on the wire. */
export type OperationOutputWire<O extends OperationName> = z.input<(typeof OPERATION_SCHEMAS)[O]['output']>;`);
  return lines.join('\n') + '\n';
}

function emitIndex(): string {
  return (
    HEADER('index.ts') +
    `export * from './model.js';\nexport * from './schemas.js';\n`
  );
}

// ---------------------------------------------------------------------------------------------
// Entry points

export function loadModel(path = MODEL_PATH): ServiceModel {
  return JSON.parse(readFileSync(path, 'utf8')) as ServiceModel;
}

/** The generated files, by name. Pure: same model, same bytes. */
export function generate(model: ServiceModel = loadModel()): Map<string, string> {
  const a = analyse(model);
  return new Map([
    ['model.ts', emitModel(model, a)],
    ['schemas.ts', emitSchemas(model, a)],
    ['index.ts', emitIndex()],
  ]);
}

export function writeGenerated(outDir: string, files = generate()): void {
  mkdirSync(outDir, { recursive: true });
  for (const [name, text] of files) writeFileSync(join(outDir, name), text);
}

/** Names of files in `dir` that differ from (or are missing against, or are extra to) `files`. */
export function diffGenerated(dir: string, files = generate()): string[] {
  const stale: string[] = [];
  for (const [name, text] of files) {
    const p = join(dir, name);
    if (!existsSync(p) || readFileSync(p, 'utf8') !== text) stale.push(name);
  }
  if (existsSync(dir)) {
    for (const name of readdirSync(dir)) if (!files.has(name)) stale.push(name);
  }
  return stale.sort();
}

function main(argv: string[]): number {
  const outIdx = argv.indexOf('--out');
  const outDir = outIdx >= 0 ? resolve(argv[outIdx + 1] ?? '') : DEFAULT_OUT_DIR;
  const files = generate();
  if (argv.includes('--check')) {
    const stale = diffGenerated(outDir, files);
    if (stale.length) {
      console.error(`generated output is stale in ${outDir}: ${stale.join(', ')} — run npm run codegen`);
      return 1;
    }
    console.log(`generated output is up to date (${outDir})`);
    return 0;
  }
  writeGenerated(outDir, files);
  console.log(`wrote ${[...files.keys()].join(', ')} to ${outDir}`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
