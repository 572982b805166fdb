/**
 * The operations table: every KMS operation this server implements, by name.
 *
 * @module
 */
import type { OpContext } from './context.js';
import * as aliases from './aliases.js';
import * as crypto from './crypto.js';
import * as keys from './keys.js';
import * as policy from './key-policy.js';
import * as rotation from './rotation.js';
import * as tags from './tags.js';

// Handlers take their validated input; the table erases the input type at this one boundary.
type AnyHandler = (input: never, ctx: OpContext) => object;

export const OPERATIONS = {
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
  GetKeyPolicy: policy.getKeyPolicy,
  GetKeyRotationStatus: rotation.getKeyRotationStatus,
  ListAliases: aliases.listAliases,
  ListKeyPolicies: policy.listKeyPolicies,
  ListKeyRotations: rotation.listKeyRotations,
  ListKeys: keys.listKeys,
  ListResourceTags: tags.listResourceTags,
  PutKeyPolicy: policy.putKeyPolicy,
  ReEncrypt: crypto.reEncrypt,
  RotateKeyOnDemand: rotation.rotateKeyOnDemand,
  ScheduleKeyDeletion: keys.scheduleKeyDeletion,
  TagResource: tags.tagResource,
  UntagResource: tags.untagResource,
  UpdateAlias: aliases.updateAlias,
  UpdateKeyDescription: keys.updateKeyDescription,
} satisfies Record<string, AnyHandler>;

export type ImplementedOperation = keyof typeof OPERATIONS;

export const isImplemented = (op: string): op is ImplementedOperation => Object.hasOwn(OPERATIONS, op);

export function handlerFor(op: ImplementedOperation): (input: unknown, ctx: OpContext) => object {
  return OPERATIONS[op] as unknown as (input: unknown, ctx: OpContext) => object;
}
