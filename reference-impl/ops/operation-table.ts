/**
 * The operations table: every KMS operation this server implements, by name, each handler typed
 * by the operation's generated request type ({@link OperationHandler}).
 *
 * @module
 */
import type { OperationName } from '../../common/model/model.js';
import type { OpContext, OperationHandler } from './context.js';
import * as aliases from './aliases.js';
import * as crypto from './crypto.js';
import * as grants from './grants.js';
import * as keys from './keys.js';
import * as keyPolicy from './key-policy.js';
import * as rotation from './rotation.js';
import * as tags from './tags.js';
import * as imports from './import.js';
import * as multiRegion from './multi-region.js';
import * as customKeyStores from './custom-key-stores.js';
import * as signing from './signing.js';
import * as mac from './mac.js';
import * as keyAgreement from './key-agreement.js';
import * as dataKeyPairs from './data-key-pairs.js';
import * as keyLastUsage from './key-last-usage.js';

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
  CreateGrant: grants.createGrant,
  ListGrants: grants.listGrants,
  ListRetirableGrants: grants.listRetirableGrants,
  RetireGrant: grants.retireGrant,
  RevokeGrant: grants.revokeGrant,
  GetParametersForImport: imports.getParametersForImport,
  ImportKeyMaterial: imports.importKeyMaterial,
  DeleteImportedKeyMaterial: imports.deleteImportedKeyMaterial,
  ReplicateKey: multiRegion.replicateKey,
  UpdatePrimaryRegion: multiRegion.updatePrimaryRegion,
  CreateCustomKeyStore: customKeyStores.createCustomKeyStore,
  DescribeCustomKeyStores: customKeyStores.describeCustomKeyStores,
  UpdateCustomKeyStore: customKeyStores.updateCustomKeyStore,
  DeleteCustomKeyStore: customKeyStores.deleteCustomKeyStore,
  ConnectCustomKeyStore: customKeyStores.connectCustomKeyStore,
  DisconnectCustomKeyStore: customKeyStores.disconnectCustomKeyStore,
  Sign: signing.sign,
  Verify: signing.verify,
  GetPublicKey: signing.getPublicKey,
  GenerateMac: mac.generateMacOp,
  VerifyMac: mac.verifyMacOp,
  DeriveSharedSecret: keyAgreement.deriveSharedSecretOp,
  GenerateDataKeyPair: dataKeyPairs.generateDataKeyPairOp,
  GenerateDataKeyPairWithoutPlaintext: dataKeyPairs.generateDataKeyPairWithoutPlaintextOp,
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
