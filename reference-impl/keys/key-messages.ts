/**
 * AWS's wording for the key-related errors, in one place. Each text is what real KMS answers
 * (see spec/aws-observed.md for the recorded responses).
 *
 * @module
 */

export const msg = {
  keyNotFound: (arn: string) => `Key '${arn}' does not exist`,
  invalidKeyId: (text: string) => `Invalid keyId '${text}'`,
  invalidArn: (region: string) => `Invalid arn ${region}`,
  aliasNotFound: (aliasArn: string) => `Alias ${aliasArn} is not found.`,
  disabled: (arn: string) => `${arn} is disabled.`,
  pendingDeletion: (arn: string) => `${arn} is pending deletion.`,
  pendingImport: (arn: string) => `${arn} is pending import.`,
  /** KS-OLD [11] (aws-observed.md §2.1). */
  unavailable: (arn: string) => `${arn} is unavailable.`,
  /** INFERRED: no capture; worded like [3]. */
  pendingReplicaDeletion: (arn: string) => `${arn} is pending replica deletion.`,
  invalidState: (arn: string, state: string) => `${arn} is ${state}.`,
  accessDenied: (principal: string, action: string, resource: string) =>
    `User: ${principal} is not authorized to perform: kms:${action} on resource: ${resource} because no resource-based policy allows the kms:${action} action`,
  /** Not AWS: only the `_custom_id_` CreateKey tag (ops/custom-key-tags.ts) can ask for a key id. */
  keyIdTaken: (keyId: string) => `A key with id ${keyId} already exists (kmsbench _custom_id_ tag).`,
} as const;
