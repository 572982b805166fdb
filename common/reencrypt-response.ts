/**
 * The members of ReEncrypt's answer when the source and destination keys are symmetric: the five
 * recorded on AWS (spec/aws-observed.md §4.2, LS-SNAP test_re_encrypt, 2025-06-09) plus
 * SourceKeyMaterialId and DestinationKeyMaterialId, which the current model's ReEncryptResponse
 * says are "present only when" the source / destination key is symmetric (since 2025-06-05). That
 * is every member of the model's ReEncryptResponse (tested).
 *
 * @module
 */
import type { ReEncryptResponse } from './model/schemas.js';

/** Sorted member names. */
export const SYMMETRIC_REENCRYPT_RESPONSE_MEMBERS: readonly (keyof ReEncryptResponse)[] = [
  'CiphertextBlob',
  'DestinationEncryptionAlgorithm',
  'DestinationKeyMaterialId',
  'KeyId',
  'SourceEncryptionAlgorithm',
  'SourceKeyId',
  'SourceKeyMaterialId',
];
