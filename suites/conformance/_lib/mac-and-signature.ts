/**
 * MACs and signatures side by side. GenerateMac / VerifyMac (hmac/) and Sign / Verify
 * (sign-verify/) are one shape — a key and an algorithm make a tag over a message, and the same
 * key checks it — so the cases asking the same of both are written once here, per
 * {@link TagScheme}: the 4096-byte message limit, a tag that does not match, the response members,
 * DryRun, and the key states that refuse them. Not a case file: it has no default export.
 *
 * @module
 */
import {
  GenerateMacCommand,
  SignCommand,
  VerifyCommand,
  VerifyMacCommand,
  type GenerateMacCommandOutput,
  type KeySpec,
  type KeyUsageType,
  type MacAlgorithmSpec,
  type SignCommandOutput,
  type SigningAlgorithmSpec,
  type VerifyCommandOutput,
  type VerifyMacCommandOutput,
} from '@aws-sdk/client-kms';
import { defineCase, type CaseContext, type CaseSource, type CaseTag, type ConformanceCase } from '../../../harness/conformance/case.js';
import { apiDoc, dryRunCase, errorsDoc, keyOf, mac, prepare, refusalCase, requestDoc, signature, stateRefusal, type Key, type KeyStateName, type Preparation, type StateRefusal } from './asymmetric.js';
import { members } from './support.js';

/** A key spec and one of its algorithms. */
export interface KeyChoice<A extends string> {
  spec: KeySpec;
  alg: A;
}

/** What is the same about MACs and signatures, and what each calls it. */
export interface TagScheme<A extends string, Made, Checked> {
  /** The area of its cases, and their tag. */
  area: 'hmac' | 'sign-verify';
  usage: KeyUsageType;
  makeOp: 'GenerateMac' | 'Sign';
  checkOp: 'VerifyMac' | 'Verify';
  /** Response members: the tag, the algorithm, and the check's verdict. */
  tagMember: 'Mac' | 'Signature';
  algMember: 'MacAlgorithm' | 'SigningAlgorithm';
  validMember: 'MacValid' | 'SignatureValid';
  /** The refusal of a tag that does not match. */
  mismatchCode: 'KMSInvalidMacException' | 'KMSInvalidSignatureException';
  /** The key a case uses where any key of the usage would do. */
  usual: KeyChoice<A>;
  /** The length of message the mismatch cases tag. */
  mismatchBytes: number;
  /** The tag over `message`, made first as a prerequisite ({@link prepare}). */
  tagged(alg: A, message: (t: CaseContext) => Uint8Array): Preparation<Uint8Array>;
  make(t: CaseContext, key: Key, alg: A, message: Uint8Array, dryRun?: boolean): Promise<Made>;
  check(t: CaseContext, key: Key, alg: A, message: Uint8Array, tag: Uint8Array | undefined, dryRun?: boolean): Promise<Checked>;
  tagOf(made: Made): Uint8Array | undefined;
  validOf(checked: Checked): boolean | undefined;
}

type AnyScheme<A extends string> = TagScheme<A, unknown, unknown>;
const dry = (dryRun?: boolean) => (dryRun ? { DryRun: true } : {});
/** `GenerateMac` → `generate-mac`, as ids name operations. */
const opSlug = (op: string): string => op.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();

export const MAC: TagScheme<MacAlgorithmSpec, GenerateMacCommandOutput, VerifyMacCommandOutput> = {
  area: 'hmac',
  usage: 'GENERATE_VERIFY_MAC',
  makeOp: 'GenerateMac',
  checkOp: 'VerifyMac',
  tagMember: 'Mac',
  algMember: 'MacAlgorithm',
  validMember: 'MacValid',
  mismatchCode: 'KMSInvalidMacException',
  usual: { spec: 'HMAC_256', alg: 'HMAC_SHA_256' },
  mismatchBytes: 32,
  tagged: mac,
  make: (t, key, alg, message, dryRun) => t.kms.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: message, MacAlgorithm: alg, ...dry(dryRun) })),
  check: (t, key, alg, message, tag, dryRun) => t.kms.send(new VerifyMacCommand({ KeyId: key.KeyId, Message: message, Mac: tag, MacAlgorithm: alg, ...dry(dryRun) })),
  tagOf: (made) => made.Mac,
  validOf: (checked) => checked.MacValid,
};

/** Signatures over RAW messages (MessageType left to its default). */
export const SIGNATURE: TagScheme<SigningAlgorithmSpec, SignCommandOutput, VerifyCommandOutput> = {
  area: 'sign-verify',
  usage: 'SIGN_VERIFY',
  makeOp: 'Sign',
  checkOp: 'Verify',
  tagMember: 'Signature',
  algMember: 'SigningAlgorithm',
  validMember: 'SignatureValid',
  mismatchCode: 'KMSInvalidSignatureException',
  usual: { spec: 'ECC_NIST_P256', alg: 'ECDSA_SHA_256' },
  mismatchBytes: 40,
  tagged: signature,
  make: (t, key, alg, message, dryRun) => t.kms.send(new SignCommand({ KeyId: key.KeyId, Message: message, SigningAlgorithm: alg, ...dry(dryRun) })),
  check: (t, key, alg, message, tag, dryRun) =>
    t.kms.send(new VerifyCommand({ KeyId: key.KeyId, Message: message, Signature: tag, SigningAlgorithm: alg, ...dry(dryRun) })),
  tagOf: (made) => made.Signature,
  validOf: (checked) => checked.SignatureValid,
};

/** The largest message GenerateMac and Sign (RAW) take. */
export const MAX_MESSAGE_BYTES = 4096;

/** What a case of one scheme says about itself; the rest follows from the scheme. */
export interface TagCaseText {
  id: string;
  title: string;
  source: CaseSource;
}

/** The metadata of a message-limit case, up to its ops (their order as every case gives it). */
const messageLimitText = <A extends string>(s: AnyScheme<A>, c: TagCaseText) => ({
  id: c.id,
  title: c.title,
  doc: requestDoc(s.makeOp, 'Message'),
  source: c.source,
  tags: [s.area, 'limits'] as CaseTag[],
});

/** A message of {@link MAX_MESSAGE_BYTES} is tagged with the usual key, and the tag checks out. */
export function largestMessageCase<A extends string>(s: AnyScheme<A>, c: TagCaseText): ConformanceCase {
  const { spec, alg } = s.usual;
  return defineCase({
    ...messageLimitText(s, c),
    ops: ['CreateKey', s.makeOp, s.checkOp],
    async run(t) {
      const key = await keyOf(t, spec, s.usage);
      const m = t.bytes(MAX_MESSAGE_BYTES);
      const made = await s.make(t, key, alg, m);
      const v = await s.check(t, key, alg, m, s.tagOf(made));
      t.expectEqual(s.validOf(v), true, s.validMember);
    },
  });
}

/** A message one byte over {@link MAX_MESSAGE_BYTES} is refused with ValidationException. */
export function oversizeMessageCase<A extends string>(s: AnyScheme<A>, c: TagCaseText): ConformanceCase {
  const { spec, alg } = s.usual;
  return refusalCase({
    ...messageLimitText(s, c),
    ops: [s.makeOp],
    spec,
    usage: s.usage,
    call: (t, key) => s.make(t, key, alg, t.bytes(MAX_MESSAGE_BYTES + 1)),
    expected: () => ({ code: 'ValidationException', status: 400 }),
  });
}

/** Flips bits `mask` of byte `index` (from the end when negative) of a copy of the tag. */
export const flipped =
  (index: number, mask: number) =>
  (tag: Uint8Array): Uint8Array => {
    const bad = Buffer.from(tag);
    bad[index < 0 ? bad.length + index : index]! ^= mask;
    return bad;
  };

/**
 * A tag the key made that does not match what is checked — `change` alters the tag, or
 * `'other-message'` checks it against another message — is refused with the scheme's mismatch
 * code. Where that refusal was recorded (`source.kind` `recorded`: aws-observed.md §9), AWS's
 * reply has no message member, and the case checks that too.
 */
export function mismatchCase<A extends string>(
  s: AnyScheme<A>,
  c: TagCaseText & { key?: KeyChoice<A>; change: 'other-message' | ((tag: Uint8Array) => Uint8Array) },
): ConformanceCase {
  const { spec, alg } = c.key ?? s.usual;
  const other = c.change === 'other-message';
  const tagged = (t: CaseContext) => t.bytes(s.mismatchBytes, other ? 1 : 7);
  const checked = (t: CaseContext) => t.bytes(s.mismatchBytes, other ? 2 : 7);
  const change = other ? (tag: Uint8Array) => tag : (c.change as (tag: Uint8Array) => Uint8Array);
  return refusalCase({
    id: c.id,
    title: c.title,
    doc: errorsDoc(s.checkOp),
    source: c.source,
    tags: [s.area],
    ops: [s.makeOp, s.checkOp],
    spec,
    usage: s.usage,
    prepare: s.tagged(alg, tagged),
    call: (t, key, tag) => s.check(t, key, alg, checked(t), change(tag as Uint8Array)),
    expected: () => ({ code: s.mismatchCode, status: 400, ...(c.source.kind === 'recorded' ? { message: null } : {}) }),
  });
}

/**
 * The make (`GenerateMac`, `Sign`) or check call of a case about one side of the scheme, with a
 * 32-byte message; the check's tag is made first, as a prerequisite.
 */
function sideCall<A extends string>(s: AnyScheme<A>, side: 'make' | 'check', alg: A, dryRun = false): Pick<StateRefusal, 'ops' | 'prepare' | 'call'> {
  const message = (t: CaseContext) => t.bytes(32, 7);
  return side === 'make'
    ? { ops: [s.makeOp], call: (t, key) => s.make(t, key, alg, message(t), dryRun) }
    : {
        ops: [s.makeOp, s.checkOp],
        prepare: s.tagged(alg, message),
        call: (t, key, tag) => s.check(t, key, alg, message(t), tag as Uint8Array, dryRun),
      };
}

/** The make or check operation with the usual key in `state` is refused with that state's error. */
export function refusedInStateCase<A extends string>(s: AnyScheme<A>, state: KeyStateName, side: 'make' | 'check'): ConformanceCase {
  const { spec, alg } = s.usual;
  return stateRefusal({
    area: s.area,
    tags: [s.area],
    state,
    op: opSlug(side === 'make' ? s.makeOp : s.checkOp),
    ...sideCall(s, side, alg),
    spec,
    usage: s.usage,
  });
}

/** The make or check operation with DryRun true, with `key` (default the usual one). */
export function dryRunTagCase<A extends string>(s: AnyScheme<A>, side: 'make' | 'check', key: KeyChoice<A> = s.usual): ConformanceCase {
  const op = side === 'make' ? s.makeOp : s.checkOp;
  return dryRunCase({
    id: `${s.area}.dry-run-${opSlug(op)}`,
    op,
    tags: [s.area],
    ...sideCall(s, side, key.alg, true),
    spec: key.spec,
    usage: s.usage,
  });
}

/** What a response-members case of one scheme says about itself. */
export interface MembersCaseText<A extends string> {
  title: string;
  source: CaseSource;
  key: KeyChoice<A>;
  messageBytes: number;
}

/**
 * The make operation answers exactly KeyId (the key ARN), the tag and the algorithm; the check
 * operation, of a tag that matches, exactly KeyId, the verdict true and the algorithm.
 */
export function responseMembersCase<A extends string>(s: AnyScheme<A>, side: 'make' | 'check', c: MembersCaseText<A>): ConformanceCase {
  const { spec, alg } = c.key;
  const op = side === 'make' ? s.makeOp : s.checkOp;
  const membersCaseOf = (name: string) => `${s.area}.${opSlug(name)}-response-members`;
  return defineCase({
    id: membersCaseOf(op),
    title: c.title,
    doc: apiDoc(op, `API_${op}_ResponseSyntax`),
    source: c.source,
    tags: [s.area],
    ops: side === 'make' ? ['CreateKey', s.makeOp] : ['CreateKey', s.makeOp, s.checkOp],
    async run(t) {
      const key = await keyOf(t, spec, s.usage);
      if (side === 'make') {
        const out = (await s.make(t, key, alg, t.bytes(c.messageBytes))) as Record<string, unknown>;
        t.expectEqual(members(out), ['KeyId', s.tagMember, s.algMember].sort(), 'response members');
        t.expectEqual([out.KeyId, out[s.algMember]], [key.Arn, alg], `KeyId (ARN) and ${s.algMember}`);
        return;
      }
      const message = t.bytes(c.messageBytes);
      const tag = await prepare(t, key, { ...s.tagged(alg, () => message), coveredBy: membersCaseOf(s.makeOp) });
      const out = (await s.check(t, key, alg, message, tag)) as Record<string, unknown>;
      t.expectEqual(members(out), ['KeyId', s.algMember, s.validMember].sort(), 'response members');
      t.expectEqual([out.KeyId, out[s.validMember], out[s.algMember]], [key.Arn, true, alg], `KeyId, ${s.validMember}, ${s.algMember}`);
    },
  });
}
