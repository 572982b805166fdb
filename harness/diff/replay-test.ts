/**
 * A divergence as a self-contained vitest case using the AWS SDK, to replay on one endpoint
 * (`KMS_ENDPOINT`, default a) and, once the right behaviour is settled, to join the suite. It
 * expects endpoint a's outcome at every step and, at the diverging step, a's side of the
 * difference where that is a plain value or member set. Pure: returns the text.
 *
 * @module
 */
import { MARKER, replayPlan, RUN_PLACEHOLDER } from './replay-plan.js';
import type { DiffFile, Divergence } from '../results/diff-results.js';

const templateText = (text: string) => text.replace(/[\\`]/g, (c) => `\\${c}`).replace(/\$\{/g, '\\${');

function expand(text: string): string {
  return text.replaceAll(RUN_PLACEHOLDER, '${v.RUN}').replace(MARKER, (_m, name: string) => {
    const mutation = /^(TAMPER|TRUNCATE)_(CT_\d+)$/.exec(name);
    if (mutation) return `\${${mutation[1]!.toLowerCase()}(v.${mutation[2]})}`;
    return `\${v.${name}}`;
  });
}

/** Assertions on the diverging step's reply that hold on a and fail on b, where they can be stated plainly. */
function finalAssertions(d: Divergence): string[] {
  const f = d.first_difference;
  const path = JSON.stringify(f.path);
  if (f.path.includes('[') || f.path.includes('$')) return [`  // a and b differ at ${f.path} (${f.kind}); see diff.json`];
  if (f.kind === 'members') {
    const onlyA = (f.a as string[] | undefined) ?? [];
    const onlyB = (f.b as string[] | undefined) ?? [];
    return [
      `  const members = Object.keys(at(r.body, ${path}) ?? {}).filter((k) => !k.startsWith('$'));`,
      ...onlyA.map((m) => `  expect(members).toContain(${JSON.stringify(m)});`),
      ...onlyB.map((m) => `  expect(members).not.toContain(${JSON.stringify(m)});`),
    ];
  }
  if (f.kind === 'value' && (typeof f.a === 'number' || typeof f.a === 'boolean' || (typeof f.a === 'string' && !f.a.startsWith('<')))) {
    return [`  expect(at(r.body, ${path})).toEqual(${JSON.stringify(f.a)}); // b: ${JSON.stringify(f.b)}`];
  }
  return [`  // a: ${JSON.stringify(f.a)}; b: ${JSON.stringify(f.b)} (${f.kind}${f.path ? ` at ${f.path}` : ''})`];
}

export function replayTest(diff: Pick<DiffFile, 'a' | 'b' | 'seed'>, d: Divergence): string {
  const plan = replayPlan(d);
  const body: string[] = [
    "  let r = await send('CreateKey', { Description: `kmsbench diff ${v.RUN} probe` }, []);",
    "  const arn = String(at(r.body, 'KeyMetadata.Arn'));",
    "  v.ACCOUNT = arn.split(':')[4]!;",
    "  v.REGION = arn.split(':')[3]!;",
    '  keys.push(arn);',
  ];
  plan.forEach((step, i) => {
    const last = i === plan.length - 1;
    body.push(
      `  // step ${i}: ${d.steps[i]!.text.replace(/\n/g, ' ')} (a: ${step.a}, b: ${step.b})`,
      `  r = await send(${JSON.stringify(step.op)}, JSON.parse(\`${expand(templateText(step.json))}\`), ${JSON.stringify(step.blobs)});`,
      `  expect(r.outcome${last ? '' : `, 'step ${i}'`}).toBe(${JSON.stringify(step.a)});`,
    );
    for (const c of step.captures) body.push(`  v.${c.name} = text(at(r.body, ${JSON.stringify(c.from)}));`);
    if (step.makesKey) body.push(`  keys.push(v.${step.captures[0]!.name}!);`);
    if (step.makesAlias) body.push(`  aliases.push(String(JSON.parse(\`${expand(templateText(step.json))}\`).AliasName));`);
    if (last) body.push(...finalAssertions(d));
  });
  return `/**
 * kmsbench diff divergence ${d.id} (seed ${diff.seed}): ${d.signature}
 * a = ${diff.a.label} (${diff.a.endpoint}); b = ${diff.b.label} (${diff.b.endpoint}).
 * Expects a's outcomes. Run: KMS_ENDPOINT=URL npx vitest run ${d.id}.test.ts
 */
import { randomBytes } from 'node:crypto';
import * as kms from '@aws-sdk/client-kms';
import { afterAll, expect, it } from 'vitest';

const client = new kms.KMSClient({
  endpoint: process.env.KMS_ENDPOINT ?? ${JSON.stringify(diff.a.endpoint)},
  region: process.env.AWS_REGION ?? 'us-east-1',
  credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'test', secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'test' },
  maxAttempts: 1,
});
const v: Record<string, string> = { RUN: \`kd\${randomBytes(4).toString('hex')}\` };
const keys: string[] = [];
const aliases: string[] = [];

const at = (o: unknown, path: string): unknown =>
  path ? path.split('.').reduce<unknown>((x, k) => (x && typeof x === 'object' ? (x as Record<string, unknown>)[k] : undefined), o) : o;
const text = (x: unknown): string => (x instanceof Uint8Array ? Buffer.from(x).toString('base64') : String(x ?? ''));
const tamper = (b64: string | undefined) => {
  const b = Buffer.from(b64 ?? '', 'base64');
  b[b.length - 1] ^= 1;
  return b.toString('base64');
};
const truncate = (b64: string | undefined) => {
  const b = Buffer.from(b64 ?? '', 'base64');
  return b.subarray(0, Math.floor(b.length / 2)).toString('base64');
};

/** Sends one operation; the outcome is 'ok' or the error code. */
async function send(op: string, input: Record<string, unknown>, blobs: string[]): Promise<{ outcome: string; body: unknown }> {
  for (const k of blobs) if (typeof input[k] === 'string') input[k] = Buffer.from(input[k] as string, 'base64');
  const Command = (kms as unknown as Record<string, new (i: unknown) => Parameters<typeof client.send>[0]>)[\`\${op}Command\`]!;
  try {
    return { outcome: 'ok', body: await client.send(new Command(input)) };
  } catch (e) {
    if (!(e as { $metadata?: unknown }).$metadata) throw e;
    return { outcome: (e as Error).name, body: undefined };
  }
}

afterAll(async () => {
  for (const AliasName of aliases) await send('DeleteAlias', { AliasName }, []).catch(() => undefined);
  for (const KeyId of keys) await send('ScheduleKeyDeletion', { KeyId, PendingWindowInDays: 7 }, []).catch(() => undefined);
});

it(${JSON.stringify(`${d.id}: ${d.first_difference.operation} answers as ${diff.a.label} does`)}, async () => {
${body.join('\n')}
});
`;
}
