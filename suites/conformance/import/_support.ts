/**
 * Helpers for the import cases. Not a case file: it has no default export.
 *
 * @module
 */
import { createPublicKey, randomBytes } from 'node:crypto';
import {
  DeleteImportedKeyMaterialCommand,
  DescribeKeyCommand,
  EncryptCommand,
  DecryptCommand,
  GetParametersForImportCommand,
  ImportKeyMaterialCommand,
  ListKeyRotationsCommand,
  RotateKeyOnDemandCommand,
  type AlgorithmSpec,
  type ExpirationModelType,
  type GetParametersForImportCommandOutput,
  type ImportKeyMaterialCommandInput,
  type KeyMetadata,
  type WrappingKeySpec,
} from '@aws-sdk/client-kms';
import type { CaseContext, CaseSource, CaseTag, ConformanceCase, ExpectedError } from '../../../harness/conformance/case.js';
import type { OperationName } from '../../../common/model/model.js';
import { DELETE_IMPORTED_DOC, externalKey, GET_PARAMETERS_DOC, IMPORT_API_DOC, IMPORT_DOC, importMaterial, wrapKeyMaterial, type ImportOptions } from '../_lib/import-material.js';
import { givenEndpointNow, givenKey } from '../_lib/prerequisites.js';
import { areaCase, type AreaMeta } from '../_lib/area-case.js';
import { documented, MODEL, recorded } from '../_lib/sources.js';
import { absentKeyId, keyArn } from '../_lib/support.js';
import { putInState, type Key } from '../key-state/_support.js';
import { requireClock } from '../rotation/_support.js';

export { DELETE_IMPORTED_DOC, GET_PARAMETERS_DOC, IMPORT_API_DOC, IMPORT_DOC, externalKey, importMaterial, wrapKeyMaterial } from '../_lib/import-material.js';

export const EXPIRATION_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/importing-keys-set-expiration.html';
export const ROTATE_IMPORTED_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys-import.html';
export const KEY_STATE_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html';
export const DAY_MS = 86_400_000;

export { documented, inferred, MODEL } from '../_lib/sources.js';

/** On-demand rotation of imported material and KeyMaterialId (aws-observed.md §13). */
export const SINCE_MULTI_MATERIAL = '2025-06-05';

/** 32 random bytes: symmetric key material. */
export const material = (): Buffer => randomBytes(32);

/** The case whose subject a plain import of material into a new EXTERNAL key is. */
export const IMPORT_TESTED_BY = 'import.describe-after-import';

/**
 * {@link importMaterial} as a prerequisite (`step` names it; `coveredBy` the case whose subject it
 * is), for cases whose subject comes after the import.
 */
export function givenImport(
  t: CaseContext,
  keyId: string,
  m: Uint8Array,
  options: ImportOptions = {},
  step = 'GetParametersForImport and ImportKeyMaterial import the key material',
  coveredBy = IMPORT_TESTED_BY,
) {
  return t.given(step, () => importMaterial(t, keyId, m, options), { coveredBy });
}

/** ImportKeyMaterial of a second material (ImportType NEW_KEY_MATERIAL), as a prerequisite. */
export const givenNewMaterial = (t: CaseContext, keyId: string, m: Uint8Array = material()) =>
  givenImport(t, keyId, m, { extra: { ImportType: 'NEW_KEY_MATERIAL' } }, 'ImportKeyMaterial (NEW_KEY_MATERIAL) imports a second material', 'import.new-material-pending-rotation');

/** An EXTERNAL symmetric key with `m` imported (does not expire): both steps are prerequisites. */
export async function importedKey(t: CaseContext, m: Buffer = material(), extra: Record<string, unknown> = {}) {
  const key = await externalKey(t);
  const out = await givenImport(t, key.KeyId, m, { extra });
  return { key, material: m, materialId: out.KeyMaterialId };
}

/** DeleteImportedKeyMaterial (of the current material, or `materialId`), as a prerequisite. */
export function deleteMaterial(t: CaseContext, keyId: string) {
  return t.given('DeleteImportedKeyMaterial deletes the key material', () => t.kms.send(new DeleteImportedKeyMaterialCommand({ KeyId: keyId })), {
    coveredBy: 'import.describe-after-delete',
  });
}

/** GetParametersForImport (a wrapping key and an import token), as a prerequisite. */
export function givenParameters(t: CaseContext, keyId: string, WrappingAlgorithm: AlgorithmSpec = 'RSAES_OAEP_SHA_256', WrappingKeySpec: WrappingKeySpec = 'RSA_2048') {
  return t.given('GetParametersForImport gives a wrapping key and an import token', () => t.kms.send(new GetParametersForImportCommand({ KeyId: keyId, WrappingAlgorithm, WrappingKeySpec })), {
    coveredBy: 'import.get-parameters-shape',
  });
}

export async function describe(t: CaseContext, keyId: string) {
  return (await t.kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!;
}

export async function encrypt(t: CaseContext, keyId: string, text = 'imported material') {
  return (await t.kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from(text) }))).CiphertextBlob!;
}

export async function decryptText(t: CaseContext, blob: Uint8Array): Promise<string> {
  return Buffer.from((await t.kms.send(new DecryptCommand({ CiphertextBlob: blob }))).Plaintext!).toString();
}

export async function rotations(t: CaseContext, keyId: string, all = true) {
  return (await t.kms.send(new ListKeyRotationsCommand({ KeyId: keyId, ...(all ? { IncludeKeyMaterial: 'ALL_KEY_MATERIAL' } : {}) }))).Rotations ?? [];
}

/**
 * RotateKeyOnDemand of a key with imported material, then waits until the key names `materialId`
 * as its current material (on AWS the rotation completes asynchronously; GetKeyRotationStatus of
 * EXTERNAL keys is documented as refused, KS-OLD [6], so the key's metadata is polled instead).
 */
export async function rotateImported(t: CaseContext, keyId: string, materialId: string | undefined): Promise<void> {
  await t.kms.send(new RotateKeyOnDemandCommand({ KeyId: keyId }));
  for (let i = 0; i < 120; i++) {
    if ((await describe(t, keyId)).CurrentKeyMaterialId === materialId) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  t.check(false, 'the on-demand rotation completes within 60 s');
}

/** The endpoint's clock now (ms), from a key it just created: a prerequisite. */
export const endpointNow = givenEndpointNow;

/** {@link rotateImported} as a prerequisite of cases about what follows the rotation. */
export function givenRotation(t: CaseContext, keyId: string, materialId: string | undefined): Promise<void> {
  return t.given('RotateKeyOnDemand makes the new imported material current', () => rotateImported(t, keyId, materialId), {
    coveredBy: 'import.rotate-on-demand-makes-new-current',
  });
}

/** What an import case declares besides the area's own: `tags` after import. */
export type ImportMeta = AreaMeta;

/** An import case: id `import.<behaviour>`, tagged `import`. */
export const importCase = (c: ImportMeta & { run(t: CaseContext): Promise<void> }): ConformanceCase => areaCase('import', c);

/** The operations a key with imported material takes. */
export const IMPORTED_OPS: OperationName[] = ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial'];

/**
 * A case about expiry: an EXTERNAL key with material that expires two days after import
 * (KEY_MATERIAL_EXPIRES); `before` (prerequisites made while it is there), then the clock moves
 * `advance` (past ValidTo unless told otherwise), then `body`.
 */
export function expiryCase<P = undefined>(c: {
  id: string;
  title: string;
  ops: OperationName[];
  advance?: '1d' | '3d';
  before?(t: CaseContext, key: Key): Promise<P>;
  body(t: CaseContext, key: Key, material: Buffer, before: P): Promise<void>;
}): ConformanceCase {
  return importCase({
    behaviour: c.id,
    title: c.title,
    doc: EXPIRATION_DOC,
    source: documented(
      `${MODEL('ImportKeyMaterialRequest.ValidTo')} ("When the key material expires, KMS deletes the key material from the KMS key. Without its key material, the KMS key is unusable"); ${KEY_STATE_DOC} ("When any key material for an imported key is deleted or it expires, then the state changes from Enabled to PendingImport")`,
    ),
    tags: ['key-state'],
    ops: [...IMPORTED_OPS, ...c.ops],
    flags: ['needs-clock'],
    async run(t) {
      // Without clock control nothing here can be judged: skip before the prerequisites.
      requireClock(t, 'imported key material to expire');
      const key = await externalKey(t);
      const m = material();
      const validTo = new Date((await endpointNow(t)) + 2 * DAY_MS);
      await givenImport(t, key.KeyId, m, { extra: { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: validTo } }, 'ImportKeyMaterial (KEY_MATERIAL_EXPIRES, ValidTo in two days)', 'import.valid-to-in-describe-key');
      const before = (await c.before?.(t, key)) as P;
      await t.advanceClock(c.advance ?? '3d');
      await c.body(t, key, m, before);
    },
  });
}

/** Material wrapped with `algorithm` under a `spec` wrapping key imports and the key works. */
export function wrapCase(algorithm: AlgorithmSpec, spec: WrappingKeySpec): ConformanceCase {
  const doc = 'https://docs.aws.amazon.com/kms/latest/developerguide/importing-keys-encrypt-key-material.html';
  return importCase({
    behaviour: `wrap-${algorithm.toLowerCase().replace('rsaes_', '').replace(/_/g, '-')}-${spec.toLowerCase().replace('_', '-')}`,
    title: `Material wrapped with ${algorithm} under an ${spec} wrapping key imports; the key becomes Enabled and encrypts`,
    doc,
    source: documented(`${doc}; service model: ImportKeyMaterial`),
    ops: [...IMPORTED_OPS, 'DescribeKey', 'Encrypt', 'Decrypt'],
    async run(t) {
      const key = await externalKey(t);
      await importMaterial(t, key.KeyId, material(), { algorithm, wrappingKeySpec: spec });
      t.expectEqual((await describe(t, key.KeyId)).KeyState, 'Enabled', 'KeyState after the import');
      t.expectEqual(await decryptText(t, await encrypt(t, key.KeyId, `wrapped ${algorithm}`)), `wrapped ${algorithm}`, 'round trip');
    },
  });
}

/** WrappingKeySpec RSA_<bits> gives a wrapping key of that size. */
export function wrappingKeySpecCase(bits: 3072 | 4096): ConformanceCase {
  return importCase({
    behaviour: `get-parameters-rsa-${bits}`,
    title: `GetParametersForImport with WrappingKeySpec RSA_${bits} answers a ${bits}-bit RSA public key`,
    doc: GET_PARAMETERS_DOC,
    source: documented(`${GET_PARAMETERS_DOC}; ${MODEL('GetParametersForImportRequest.WrappingKeySpec')}`),
    ops: ['CreateKey', 'GetParametersForImport'],
    async run(t) {
      const key = await externalKey(t);
      const out = await t.kms.send(new GetParametersForImportCommand({ KeyId: key.KeyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_1', WrappingKeySpec: `RSA_${bits}` }));
      const pub = createPublicKey({ key: Buffer.from(out.PublicKey!), format: 'der', type: 'spki' });
      t.expectEqual(pub.asymmetricKeyDetails?.modulusLength, bits, 'modulus length of the wrapping key');
    },
  });
}

/**
 * The keys an import refusal is about, each made as prerequisites: an AWS_KMS key, an EXTERNAL one
 * pending import, one pending deletion, one with material imported, one whose material was
 * deleted, or no key at all (`absent`: an id that exists nowhere).
 */
export type KeyKind = 'AWS_KMS' | 'EXTERNAL' | 'PendingDeletion' | 'imported' | 'material-deleted' | 'absent';

const KEY_KINDS: Record<KeyKind, { ops: OperationName[]; make(t: CaseContext): Promise<{ KeyId: string; Arn: string }> }> = {
  AWS_KMS: { ops: ['CreateKey'], make: (t) => givenKey(t) },
  EXTERNAL: { ops: ['CreateKey'], make: (t) => externalKey(t) },
  PendingDeletion: {
    ops: ['CreateKey', 'ScheduleKeyDeletion'],
    async make(t) {
      const key = await externalKey(t);
      await putInState(t, key, 'PendingDeletion');
      return key;
    },
  },
  imported: { ops: IMPORTED_OPS, make: async (t) => (await importedKey(t)).key },
  'material-deleted': {
    ops: [...IMPORTED_OPS, 'DeleteImportedKeyMaterial'],
    async make(t) {
      const { key } = await importedKey(t);
      await deleteMaterial(t, key.KeyId);
      return key;
    },
  },
  absent: {
    ops: [],
    async make(t) {
      const id = absentKeyId();
      return { KeyId: id, Arn: keyArn(t, id) };
    },
  },
};

/**
 * `op` (`call`) on a key of kind `key` is refused with `error(<key ARN>)`. `unless` may skip the
 * case before anything is made.
 */
export function refusedCase(
  c: Omit<ImportMeta, 'ops'> & {
    key: KeyKind;
    op: OperationName;
    unless?(t: CaseContext): void;
    call(t: CaseContext, keyId: string): Promise<unknown>;
    error(arn: string): ExpectedError;
  },
): ConformanceCase {
  const kind = KEY_KINDS[c.key];
  return importCase({
    ...c,
    ops: [...kind.ops, c.op],
    async run(t) {
      c.unless?.(t);
      const { KeyId, Arn } = await kind.make(t);
      await t.expectError(c.call(t, KeyId), c.error(Arn));
    },
  });
}

/**
 * GetParametersForImport for a key of kind `key` with `wrapping` (default RSAES_OAEP_SHA_256
 * under RSA_2048) is refused ({@link refusedCase}). SM2 is offered in the China Regions, so a
 * case asking for it is skipped there.
 */
export function getParametersRefused(
  c: Omit<Parameters<typeof refusedCase>[0], 'doc' | 'op' | 'call' | 'unless'> & { doc?: string; wrapping?: [AlgorithmSpec, WrappingKeySpec] },
): ConformanceCase {
  const [WrappingAlgorithm, WrappingKeySpec] = c.wrapping ?? ['RSAES_OAEP_SHA_256', 'RSA_2048'];
  return refusedCase({
    ...c,
    doc: c.doc ?? GET_PARAMETERS_DOC,
    op: 'GetParametersForImport',
    unless: (t) => {
      if (WrappingKeySpec === 'SM2' && t.region.startsWith('cn-')) t.skip('SM2 is offered in the China Regions');
    },
    call: (t, KeyId) => t.kms.send(new GetParametersForImportCommand({ KeyId, WrappingAlgorithm, WrappingKeySpec })),
  });
}

/**
 * ImportKeyMaterial into a new EXTERNAL key is refused with `code` (HTTP 400): `prepare`, if
 * given, makes what the import needs (as prerequisites), `send` sends it.
 */
export function importRefused<P = undefined>(
  c: Omit<ImportMeta, 'ops'> & { code: string; prepare?(t: CaseContext, key: Key): Promise<P>; send(t: CaseContext, key: Key, prepared: P): Promise<unknown> },
): ConformanceCase {
  return importCase({
    ...c,
    ops: [...IMPORTED_OPS],
    async run(t) {
      const key = await externalKey(t);
      const prepared = (await c.prepare?.(t, key)) as P;
      await t.expectError(c.send(t, key, prepared), { code: c.code, status: 400 });
    },
  });
}

/**
 * ImportKeyMaterial with ExpirationModel `model` and, given `validToDays`, ValidTo that many days
 * from the endpoint's now, against a rule of ImportKeyMaterialRequest.ValidTo: ValidationException.
 */
export function expirationRefused(c: {
  behaviour: string;
  title: string;
  source: CaseSource;
  tags?: CaseTag[];
  model: ExpirationModelType | undefined;
  validToDays?: number;
}): ConformanceCase {
  return importRefused({
    ...c,
    doc: EXPIRATION_DOC,
    code: 'ValidationException',
    async prepare(t): Promise<Partial<ImportKeyMaterialCommandInput>> {
      if (c.validToDays === undefined) return { ExpirationModel: c.model };
      return { ExpirationModel: c.model, ValidTo: new Date((await endpointNow(t)) + c.validToDays * DAY_MS) };
    },
    send: (t, key, extra) => importMaterial(t, key.KeyId, material(), { extra }),
  });
}

/** ImportKeyMaterial of fresh material (does not expire) wrapped under `p.PublicKey` with `p.ImportToken`, for cases that pick the import parameters themselves. */
export function importWithParameters(t: CaseContext, keyId: string, p: Pick<GetParametersForImportCommandOutput, 'ImportToken' | 'PublicKey'>, algorithm: AlgorithmSpec = 'RSAES_OAEP_SHA_256') {
  return t.kms.send(
    new ImportKeyMaterialCommand({ KeyId: keyId, ImportToken: p.ImportToken, EncryptedKeyMaterial: wrapKeyMaterial(p.PublicKey!, algorithm, material()), ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }),
  );
}

/**
 * ImportKeyMaterial with import parameters that KMS did not issue together for the key
 * (`parameters` picks them, as prerequisites): refused with `code`.
 */
export function parametersRefused(c: {
  behaviour: string;
  title: string;
  source: CaseSource;
  code: string;
  parameters(t: CaseContext, key: Key): Promise<Pick<GetParametersForImportCommandOutput, 'ImportToken' | 'PublicKey'>>;
}): ConformanceCase {
  return importRefused({
    ...c,
    doc: IMPORT_API_DOC,
    prepare: c.parameters,
    send: (t, key, p) => importWithParameters(t, key.KeyId, p),
  });
}

/** What {@link importedKey} gives. */
export type Imported = Awaited<ReturnType<typeof importedKey>>;

/**
 * A case about the materials of a key with imported material ({@link importedKey}: its first,
 * CURRENT material) — new material, on-demand rotation, KeyMaterialId: doc ROTATE_IMPORTED_DOC,
 * tagged rotation; `ops` are those after CreateKey, GetParametersForImport and ImportKeyMaterial.
 */
export function materialsCase(c: { behaviour: string; title: string; source: CaseSource; ops: OperationName[]; body(t: CaseContext, imported: Imported): Promise<void> }): ConformanceCase {
  return importCase({
    ...c,
    doc: ROTATE_IMPORTED_DOC,
    tags: ['rotation'],
    ops: [...IMPORTED_OPS, ...c.ops],
    run: async (t) => c.body(t, await importedKey(t)),
  });
}

/**
 * The stages of a symmetric key's import that LS-SNAP test_import_key_symmetric describes
 * (spec/aws-observed.md §3 L6–L8): the key before its import, after it, after DeleteImportedKeyMaterial
 * (the subject of the `after-delete` case, so a plain call there).
 */
const STAGES = {
  'before-import': { entry: 'L6', doc: IMPORT_DOC, ops: ['CreateKey'], key: (t: CaseContext) => externalKey(t) },
  'after-import': { entry: 'L7', doc: IMPORT_API_DOC, ops: IMPORTED_OPS, key: async (t: CaseContext) => (await importedKey(t)).key },
  'after-delete': {
    entry: 'L8',
    doc: DELETE_IMPORTED_DOC,
    ops: [...IMPORTED_OPS, 'DeleteImportedKeyMaterial'],
    async key(t: CaseContext) {
      const { key } = await importedKey(t);
      await t.kms.send(new DeleteImportedKeyMaterialCommand({ KeyId: key.KeyId }));
      return key;
    },
  },
} satisfies Record<string, { entry: string; doc: string; ops: OperationName[]; key(t: CaseContext): Promise<Key> }>;

/** DescribeKey at `stage` shows `expect` and no `missing[0]` member (`missing[1]` says when). */
export function describeStageCase(
  stage: keyof typeof STAGES,
  c: { title: string; expect: Partial<Record<keyof KeyMetadata, unknown>>; missing: [keyof KeyMetadata, string] },
): ConformanceCase {
  const s = STAGES[stage];
  const members = Object.keys(c.expect) as (keyof KeyMetadata)[];
  const [absent, when] = c.missing;
  return importCase({
    behaviour: `describe-${stage}`,
    title: c.title,
    doc: s.doc,
    source: recorded(`spec/aws-observed.md §3 ${s.entry} (LS-SNAP test_import_key_symmetric)`, { verifiedAt: '2024-01-24' }),
    tags: ['key-state'],
    ops: [...s.ops, 'DescribeKey'],
    async run(t) {
      const key = await s.key(t);
      const md = await describe(t, key.KeyId);
      t.expectEqual(members.map((m) => md[m]), members.map((m) => c.expect[m]), members.join(', '));
      t.check(md[absent] === undefined, `no ${absent} ${when}`, md);
    },
  });
}
