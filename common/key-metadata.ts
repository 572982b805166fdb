/**
 * The `KeyMetadata` members of a new symmetric encryption key (KeySpec SYMMETRIC_DEFAULT, origin
 * AWS_KMS, single-Region, enabled), as CreateKey and DescribeKey return it: spec/aws-observed.md
 * §4.1 plus CurrentKeyMaterialId (2025). Derived from the generated model's KeyMetadata shape:
 * every member except those that only other kinds of key, or keys in other states, carry.
 *
 * @module
 */
import { KeyMetadataSchema, type KeyMetadata } from './model/schemas.js';

export type KeyMetadataMember = keyof KeyMetadata;

/** Members a new symmetric AWS_KMS key does not have (absent, not null), and why. */
export const ABSENT_ON_A_NEW_SYMMETRIC_KEY = {
  DeletionDate: 'only while pending deletion',
  PendingDeletionWindowInDays: 'only on a multi-Region primary key pending deletion',
  ValidTo: 'only for imported key material that expires',
  ExpirationModel: 'only for keys with imported key material',
  CustomKeyStoreId: 'only for keys in a custom key store',
  CloudHsmClusterId: 'only for keys in a CloudHSM key store',
  XksKeyConfiguration: 'only for keys in an external key store',
  SigningAlgorithms: 'only for asymmetric signing keys',
  KeyAgreementAlgorithms: 'only for key-agreement keys',
  MacAlgorithms: 'only for HMAC keys',
  MultiRegionConfiguration: 'only for multi-Region keys',
} as const satisfies Partial<Record<KeyMetadataMember, string>>;

/** Sorted member names. */
export const SYMMETRIC_KEY_METADATA_MEMBERS: readonly KeyMetadataMember[] = (Object.keys(KeyMetadataSchema.shape) as KeyMetadataMember[])
  .filter((m) => !Object.hasOwn(ABSENT_ON_A_NEW_SYMMETRIC_KEY, m))
  .sort();
