/**
 * The operations table: every KMS operation this server implements, by name, each handler typed
 * by the operation's generated request type ({@link OperationHandler}).
 *
 * The handlers of symmetric keys, aliases, policies, tags and rotation load with the server. The
 * rest load with their first call ({@link onFirstCall}), and with them what only they use: the
 * asymmetric and HMAC crypto (signing, MAC, key agreement, data key pairs), key import, grants (the
 * policy engine's grant rules) and custom key stores. The first call waits for its module; later
 * calls run as if it had been imported at start.
 *
 * @module
 */
import { OnFirstUse } from '../../common/on-first-use.js';
import type { OperationName } from '../../common/model/model.js';
import type { OperationInput } from '../../common/model/schemas.js';
import type { OpContext, OperationHandler } from './context.js';
import * as aliases from './aliases.js';
import * as crypto from './crypto.js';
import * as keys from './keys.js';
import * as keyPolicy from './key-policy.js';
import * as rotation from './rotation.js';
import * as tags from './tags.js';
import * as multiRegion from './multi-region.js';
import * as keyLastUsage from './key-last-usage.js';

/**
 * Handlers of a module loaded with the first call of any of them: `handler(pick)` is the handler
 * `pick` takes from the module, which runs at once when the module is loaded.
 */
function onFirstCall<M>(load: () => Promise<M>) {
  const module = new OnFirstUse(load);
  return <O extends OperationName>(pick: (m: M) => OperationHandler<O>): OperationHandler<O> =>
    (input: OperationInput<O>, ctx: OpContext) => {
      const m = module.current;
      return m !== undefined ? pick(m)(input, ctx) : module.load().then((loaded) => pick(loaded)(input, ctx));
    };
}

const grants = onFirstCall(() => import('./grants.js'));
const imports = onFirstCall(() => import('./import.js'));
const customKeyStores = onFirstCall(() => import('./custom-key-stores.js'));
const signing = onFirstCall(() => import('./signing.js'));
const mac = onFirstCall(() => import('./mac.js'));
const keyAgreement = onFirstCall(() => import('./key-agreement.js'));
const dataKeyPairs = onFirstCall(() => import('./data-key-pairs.js'));

const HANDLERS = {
  CancelKeyDeletion: keys.cancelKeyDeletion,
  CreateAlias: aliases.createAlias,
  CreateKey: keys.createKey,
  Decrypt: crypto.decrypt,
  DeleteAlias: aliases.deleteAlias,
  DescribeKey: keys.describeKey,
  DisableKey: keys.disableKey,
  DisableKeyRotation: rotation.disableKeyRotation,
  EnableKey: keys.enableKey,
  EnableKeyRotation: rotation.enableKeyRotation,
  Encrypt: crypto.encrypt,
  GenerateDataKey: crypto.generateDataKey,
  GenerateDataKeyWithoutPlaintext: crypto.generateDataKeyWithoutPlaintext,
  GenerateRandom: crypto.generateRandomOp,
  GetKeyPolicy: keyPolicy.getKeyPolicy,
  GetKeyRotationStatus: rotation.getKeyRotationStatus,
  ListAliases: aliases.listAliases,
  ListKeyPolicies: keyPolicy.listKeyPolicies,
  ListKeyRotations: rotation.listKeyRotations,
  ListKeys: keys.listKeys,
  ListResourceTags: tags.listResourceTags,
  PutKeyPolicy: keyPolicy.putKeyPolicy,
  ReEncrypt: crypto.reEncrypt,
  RotateKeyOnDemand: rotation.rotateKeyOnDemand,
  ScheduleKeyDeletion: keys.scheduleKeyDeletion,
  TagResource: tags.tagResource,
  UntagResource: tags.untagResource,
  UpdateAlias: aliases.updateAlias,
  UpdateKeyDescription: keys.updateKeyDescription,
  CreateGrant: grants((m) => m.createGrant),
  ListGrants: grants((m) => m.listGrants),
  ListRetirableGrants: grants((m) => m.listRetirableGrants),
  RetireGrant: grants((m) => m.retireGrant),
  RevokeGrant: grants((m) => m.revokeGrant),
  GetParametersForImport: imports((m) => m.getParametersForImport),
  ImportKeyMaterial: imports((m) => m.importKeyMaterial),
  DeleteImportedKeyMaterial: imports((m) => m.deleteImportedKeyMaterial),
  ReplicateKey: multiRegion.replicateKey,
  UpdatePrimaryRegion: multiRegion.updatePrimaryRegion,
  CreateCustomKeyStore: customKeyStores((m) => m.createCustomKeyStore),
  DescribeCustomKeyStores: customKeyStores((m) => m.describeCustomKeyStores),
  UpdateCustomKeyStore: customKeyStores((m) => m.updateCustomKeyStore),
  DeleteCustomKeyStore: customKeyStores((m) => m.deleteCustomKeyStore),
  ConnectCustomKeyStore: customKeyStores((m) => m.connectCustomKeyStore),
  DisconnectCustomKeyStore: customKeyStores((m) => m.disconnectCustomKeyStore),
  Sign: signing((m) => m.sign),
  Verify: signing((m) => m.verify),
  GetPublicKey: signing((m) => m.getPublicKey),
  GenerateMac: mac((m) => m.generateMacOp),
  VerifyMac: mac((m) => m.verifyMacOp),
  DeriveSharedSecret: keyAgreement((m) => m.deriveSharedSecretOp),
  GenerateDataKeyPair: dataKeyPairs((m) => m.generateDataKeyPairOp),
  GenerateDataKeyPairWithoutPlaintext: dataKeyPairs((m) => m.generateDataKeyPairWithoutPlaintextOp),
  GetKeyLastUsage: keyLastUsage.getKeyLastUsage,
} satisfies { readonly [O in OperationName]?: OperationHandler<O> };

export type ImplementedOperation = keyof typeof HANDLERS;

export const OPERATIONS: { readonly [O in ImplementedOperation]: OperationHandler<O> } = HANDLERS;

/** The implemented operations, sorted (the README's operation list is generated from it). */
export const IMPLEMENTED_OPERATIONS: readonly ImplementedOperation[] = (Object.keys(HANDLERS) as ImplementedOperation[]).sort();

export const isImplemented = (op: string): op is ImplementedOperation => Object.hasOwn(OPERATIONS, op);

/**
 * The handler of `op`, for the pipeline: there the operation is a runtime string and its input
 * came from `validateRequest(op, …)`, so the input type is erased at this one boundary.
 */
export function handlerFor(op: ImplementedOperation): (input: unknown, ctx: OpContext) => object | Promise<object> {
  return OPERATIONS[op] as (input: unknown, ctx: OpContext) => object | Promise<object>;
}
