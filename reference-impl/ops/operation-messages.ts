/**
 * AWS's wording for operation-level errors, in one place (see spec/aws-observed.md).
 *
 * @module
 */

export const cryptoMsg = {
  wrongUsage: (arn: string, usage: string, operation: string) =>
    `${arn} key usage is ${usage} which is not valid for ${operation}.`,
  incorrectKey: 'The key ID in the request does not identify a CMK that can perform this operation.',
  /** aws-observed.md X3 (current wording). `operation` is Decrypt or ReEncryptFrom. */
  ciphertextKeyUnavailable: (principalArn: string, operation: string) =>
    `User: ${principalArn} is not authorized to perform: kms:${operation === 'ReEncryptFrom' ? 'ReEncryptFrom' : 'Decrypt'} on the resource associated with this ciphertext because the resource does not exist in this Region, no resource-based policies allow access, or a resource-based policy explicitly denies access`,
  dryRun: 'The request would have succeeded, but the DryRun option is set.',
  /** Both or neither of NumberOfBytes / KeySpec (emulators' wording; AWS's not recorded, aws-observed.md V20). */
  exactlyOneOfNumberOfBytesOrKeySpec: 'Please specify either number of bytes or key spec.',
  numberOfBytesRequired: 'NumberOfBytes is required.',
  /** GenerateDataKey on an asymmetric key (aws-observed.md §9, Hadoop S3A doc's SDK trace); used for GenerateDataKeyPair too (INFERRED). */
  asymmetricDataKey: 'You cannot generate a data key with an asymmetric CMK',
  /** INFERRED: no AWS capture of a refused attestation document. */
  attestationNotVerifiable:
    'The attestation document in Recipient could not be verified: this KMS has no AWS Nitro root of trust, so attested requests are not supported.',
  /** INFERRED (model: KeyId "is required ... when DryRun is true and DryRunModifiers is set to IGNORE_CIPHERTEXT"). */
  keyIdRequiredToIgnoreCiphertext: 'KeyId is required when DryRunModifiers includes IGNORE_CIPHERTEXT.',
  /** INFERRED: GetPublicKey on a symmetric or HMAC key (code from the model's error list). */
  noPublicKey: (arn: string, keySpec: string) => `${arn} key spec ${keySpec} has no public key. GetPublicKey supports asymmetric KMS keys only.`,
  /** aws-observed.md V8. */
  keyUsageRequired: 'You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.',
} as const;

export const keyMsg = {
  bothKeySpecs:
    'You cannot specify KeySpec and CustomerMasterKeySpec in the same request. CustomerMasterKeySpec parameter is deprecated. Use KeySpec.',
  notYetSupported: (what: string) => `The kmsbench reference server does not support ${what} yet.`,
  customKeyStoreRequired: (origin: string) => `CustomKeyStoreId is required when Origin is ${origin}.`,
  customKeyStoreNotFound: (id: string) => `Custom key store ${id} does not exist.`,
  tooManyKeys: (limit: number, usage: number) => `Key quota for this account in this region is ${limit} but the current usage is ${usage}.`,
  /** Observed: Skyscanner/kms-issuer#8 (aws-observed.md V6). Values outside the model's 1..365 get the generic validator's message first. */
  pendingWindow: 'PendingWindowInDays must be between 7 and 30',
  notPendingDeletion: (arn: string) => `${arn} is not pending deletion.`,
} as const;

export const tagMsg = {
  tooMany: 'Too many tags',
  duplicateKeys: 'Duplicate tag keys',
  reservedPrefix: 'Tags beginning with aws: are reserved',
} as const;

export const aliasMsg = {
  /** INFERRED (aws-observed.md A3): no capture of AWS's answer; the model lists InvalidAliasNameException for CreateAlias. */
  reserved: "Alias must not begin with 'alias/aws/'. The alias/aws/ prefix is reserved for AWS managed keys.",
  mustStartWithAlias: 'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
  alreadyExists: (aliasArn: string) => `An alias with the name ${aliasArn} already exists`,
  tooMany: (keyArn: string) => `Too many aliases for ${keyArn}`,
  notFound: (aliasArn: string) => `Alias ${aliasArn} is not found.`,
  targetIsAlias: 'Aliases must refer to keys. Not aliases',
  differentKeyType: (aliasArn: string) => `Alias ${aliasArn} cannot be changed to refer to a key of a different type.`,
} as const;

export const rotationMsg = {
  /** AWS answers asymmetric/HMAC rotation attempts with the bare code (aws-observed.md R1, R2). */
  unsupported: '',
  /** aws-observed.md R3/R8. */
  externalOrigin: (arn: string, origin: string) => `${arn} origin is ${origin} which is not valid for this operation.`,
  /** aws-observed.md R4. */
  onDemandLimit: (arn: string) =>
    `The on-demand rotations limit has been reached for the given keyId. No more on-demand rotations can be performed for this key: ${arn}`,
} as const;

export const policyMsg = {
  onlyDefault: 'Only the default policy name is supported',
  tooLarge: 'Policy exceeds the maximum size of 32768 bytes.',
  /** aws-observed.md 6.4: a policy that is not JSON gets the bare code. */
  notJson: '',
  lockout: 'The new key policy will not allow you to update the key policy in the future.',
} as const;

/** Grants. INFERRED: no capture of AWS's texts for these; the codes are the model's. */
export const grantMsg = {
  tooMany: (keyArn: string, limit: number) => `Grant limit of ${limit} exceeded for ${keyArn}.`,
  invalidGrantId: 'Grant ID is not valid.',
  notFound: (grantId: string) => `Grant ID ${grantId} not found.`,
  invalidToken: 'The request was rejected because the specified grant token is not valid.',
  retireNeedsTokenOrIds: 'Either GrantToken, or both KeyId and GrantId, must be specified.',
} as const;
