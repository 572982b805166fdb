/**
 * The writes of the crash-safety lanes: each lane picks its next write from its own acknowledged
 * state (crash-model.ts), so a refusal is a finding, and every kind of state change is exercised —
 * CreateKey, aliases, tags, policies, descriptions, rotation settings, on-demand rotation, key
 * states and deletion windows — plus Encrypt, whose ciphertexts are checked after each restart.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import type { KeyModel, LaneModel, Write } from './crash-model.js';
import { ACCOUNT, pick } from './support.js';

const ACTIVE_KEYS = 4;
const policy = (sid: string) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: sid, Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }] });
const keyOf = (m: LaneModel, id: string) => [...m.keys, ...m.retired].find((k) => k.id === id)!;

/** The next write of a lane: valid for the lane's acknowledged state, so any refusal is a finding. */
export function nextWrite(m: LaneModel, rand: () => number, counter: () => number): Write {
  const L = m.lane;
  if (m.keys.length === 0 || rand() < 0.08) {
    const n = m.created;
    return {
      op: 'CreateKey',
      body: { Description: `lane-${L}-key-${n}`, Tags: [{ TagKey: 'lane', TagValue: String(L) }] },
      needsReply: true,
      apply(mm, reply) {
        const meta = reply?.KeyMetadata as { KeyId: string } | undefined;
        mm.created = Math.max(mm.created, n + 1);
        if (!meta) return;
        mm.keys.push({ id: meta.KeyId, description: `lane-${L}-key-${n}`, state: 'Enabled', tags: { lane: String(L) }, rotation: false, rotations: 0 });
        if (mm.keys.length > ACTIVE_KEYS) mm.retired.push(mm.keys.shift()!);
      },
    };
  }
  const k = pick(rand, m.keys);
  const id = k.id;
  const on = (f: (key: KeyModel, mm: LaneModel) => void) => (mm: LaneModel) => f(keyOf(mm, id), mm);
  const c = counter();
  const tagWrite = (): Write => {
    const tags = { [`t${c % 5}`]: `v${c}`, [`u${c % 3}`]: `w${c}` };
    return { op: 'TagResource', body: { KeyId: id, Tags: Object.entries(tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue })) }, apply: on((key) => Object.assign(key.tags, tags)) };
  };
  const untagWrite = (): Write => {
    const names = [`t${c % 5}`, `u${(c + 1) % 3}`];
    return { op: 'UntagResource', body: { KeyId: id, TagKeys: names }, apply: on((key) => names.forEach((t) => delete key.tags[t])) };
  };
  const policyWrite = (): Write => ({ op: 'PutKeyPolicy', body: { KeyId: id, PolicyName: 'default', Policy: policy(`s-${c}`) }, apply: on((key) => (key.policySid = `s-${c}`)) });
  const describeWrite = (): Write => ({ op: 'UpdateKeyDescription', body: { KeyId: id, Description: `lane-${L}-desc-${c}` }, apply: on((key) => (key.description = `lane-${L}-desc-${c}`)) });
  if (k.state === 'PendingDeletion') return { op: 'CancelKeyDeletion', body: { KeyId: id }, apply: on((key) => (key.state = 'Disabled')) };
  if (k.state === 'Disabled') {
    return pick(rand, [() => ({ op: 'EnableKey', body: { KeyId: id }, apply: on((key) => (key.state = 'Enabled')) }), tagWrite, untagWrite, policyWrite, describeWrite])();
  }
  const enabled = m.keys.filter((x) => x.state === 'Enabled');
  const aliasNames = Object.keys(m.aliases);
  const choices: Array<[number, () => Write]> = [
    [4, () => encryptWrite(id, c)],
    [2, tagWrite],
    [1, untagWrite],
    [1, policyWrite],
    [1, describeWrite],
    [1, () => { const p = 90 + (c % 900); return { op: 'EnableKeyRotation', body: { KeyId: id, RotationPeriodInDays: p }, apply: on((key) => ((key.rotation = true), (key.period = p))) }; }],
    [0.5, () => ({ op: 'DisableKeyRotation', body: { KeyId: id }, apply: on((key) => ((key.rotation = false), (key.period = undefined))) })],
    [k.rotations < 6 ? 1 : 0, () => ({ op: 'RotateKeyOnDemand', body: { KeyId: id }, apply: on((key) => key.rotations++) })],
    [0.5, () => ({ op: 'ScheduleKeyDeletion', body: { KeyId: id, PendingWindowInDays: 7 + (c % 20) }, apply: on((key) => (key.state = 'PendingDeletion')) })],
    [0.5, () => ({ op: 'DisableKey', body: { KeyId: id }, apply: on((key) => (key.state = 'Disabled')) })],
    [aliasNames.length < 6 ? 1.5 : 0, () => { const name = `alias/lane-${L}-a${c}`; return { op: 'CreateAlias', body: { AliasName: name, TargetKeyId: id }, apply: (mm: LaneModel) => void (mm.aliases[name] = id) }; }],
    [aliasNames.length > 0 && enabled.length > 1 ? 1.5 : 0, () => {
      const name = pick(rand, aliasNames);
      const target = pick(rand, enabled.filter((x) => x.id !== m.aliases[name])).id;
      return { op: 'UpdateAlias', body: { AliasName: name, TargetKeyId: target }, apply: (mm: LaneModel) => void (mm.aliases[name] = target) };
    }],
    [aliasNames.length > 0 ? 1 : 0, () => { const name = pick(rand, aliasNames); return { op: 'DeleteAlias', body: { AliasName: name }, apply: (mm: LaneModel) => void delete mm.aliases[name] }; }],
  ];
  const total = choices.reduce((s, [w]) => s + w, 0);
  let r = rand() * total;
  for (const [w, make] of choices) if ((r -= w) < 0) return make();
  return choices[0]![1]();
}

function encryptWrite(keyId: string, c: number): Write {
  const plaintext = randomBytes(48).toString('base64');
  const context = { lane: 'crash', n: String(c) };
  return {
    op: 'Encrypt',
    body: { KeyId: keyId, Plaintext: plaintext, EncryptionContext: context },
    apply(mm, reply) {
      if (typeof reply?.CiphertextBlob === 'string') mm.ciphertexts.push({ keyId, blob: reply.CiphertextBlob, plaintext, context });
    },
  };
}

