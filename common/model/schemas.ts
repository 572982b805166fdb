// GENERATED FILE — DO NOT EDIT. schemas.ts is written by scripts/codegen-from-model.ts from
// spec/kms-2014-11-01.service-2.json; run `npm run codegen` to regenerate.
/* eslint-disable */

/**
 * zod 4 schemas for every KMS shape. Each schema reads the wire form (JSON: blobs as base64
 * strings, timestamps as epoch seconds) and yields the in-memory form (blobs as `Buffer`,
 * timestamps as `Date`): decode with `z.decode(Schema, json)`, encode with
 * `z.encode(Schema, value)`. For each structure and enum, `Name` is the in-memory type
 * (`z.output`) and `NameWire` the JSON type (`z.input`). String lengths count code points and
 * blob lengths decoded bytes, as the model means them. Unknown members are stripped (AWS ignores them).
 *
 * The server's hot path does not use these: see reference-impl/validate/ (same model, AWS's exact
 * error messages, a few microseconds a call).
 *
 * @module
 */
import { z } from 'zod';
import { blob, str, timestamp } from '../model-zod.js';
import { SHAPES, type OperationName } from './model.js';

export const KeyIdTypeSchema = str({ min: 1, max: 2048 });
export const CancelKeyDeletionRequestSchema = z.object({ KeyId: KeyIdTypeSchema });
export type CancelKeyDeletionRequest = z.output<typeof CancelKeyDeletionRequestSchema>;
export type CancelKeyDeletionRequestWire = z.input<typeof CancelKeyDeletionRequestSchema>;
export const CancelKeyDeletionResponseSchema = z.object({ KeyId: KeyIdTypeSchema.optional() });
export type CancelKeyDeletionResponse = z.output<typeof CancelKeyDeletionResponseSchema>;
export type CancelKeyDeletionResponseWire = z.input<typeof CancelKeyDeletionResponseSchema>;
export const CustomKeyStoreIdTypeSchema = str({ min: 1, max: 64 });
export const ConnectCustomKeyStoreRequestSchema = z.object({ CustomKeyStoreId: CustomKeyStoreIdTypeSchema });
export type ConnectCustomKeyStoreRequest = z.output<typeof ConnectCustomKeyStoreRequestSchema>;
export type ConnectCustomKeyStoreRequestWire = z.input<typeof ConnectCustomKeyStoreRequestSchema>;
export const ConnectCustomKeyStoreResponseSchema = z.object({});
export type ConnectCustomKeyStoreResponse = z.output<typeof ConnectCustomKeyStoreResponseSchema>;
export type ConnectCustomKeyStoreResponseWire = z.input<typeof ConnectCustomKeyStoreResponseSchema>;
export const AliasNameTypeSchema = str({ min: 1, max: 256, regex: SHAPES.AliasNameType.regex });
export const CreateAliasRequestSchema = z.object({ AliasName: AliasNameTypeSchema, TargetKeyId: KeyIdTypeSchema });
export type CreateAliasRequest = z.output<typeof CreateAliasRequestSchema>;
export type CreateAliasRequestWire = z.input<typeof CreateAliasRequestSchema>;
export const CustomKeyStoreNameTypeSchema = str({ min: 1, max: 256 });
export const CloudHsmClusterIdTypeSchema = str({ min: 19, max: 24, regex: SHAPES.CloudHsmClusterIdType.regex });
export const TrustAnchorCertificateTypeSchema = str({ min: 1, max: 5000 });
export const KeyStorePasswordTypeSchema = str({ min: 7, max: 32 });
export const CustomKeyStoreTypeSchema = z.enum(["AWS_CLOUDHSM", "EXTERNAL_KEY_STORE"]);
export type CustomKeyStoreType = z.output<typeof CustomKeyStoreTypeSchema>;
export const XksProxyUriEndpointTypeSchema = str({ min: 10, max: 128, regex: SHAPES.XksProxyUriEndpointType.regex });
export const XksProxyUriPathTypeSchema = str({ min: 10, max: 128, regex: SHAPES.XksProxyUriPathType.regex });
export const XksProxyVpcEndpointServiceNameTypeSchema = str({ min: 20, max: 64, regex: SHAPES.XksProxyVpcEndpointServiceNameType.regex });
export const AccountIdTypeSchema = str({ min: 12, max: 12, regex: SHAPES.AccountIdType.regex });
export const XksProxyAuthenticationAccessKeyIdTypeSchema = str({ min: 20, max: 30, regex: SHAPES.XksProxyAuthenticationAccessKeyIdType.regex });
export const XksProxyAuthenticationRawSecretAccessKeyTypeSchema = str({ min: 43, max: 64, regex: SHAPES.XksProxyAuthenticationRawSecretAccessKeyType.regex });
export const XksProxyAuthenticationCredentialTypeSchema = z.object({ AccessKeyId: XksProxyAuthenticationAccessKeyIdTypeSchema, RawSecretAccessKey: XksProxyAuthenticationRawSecretAccessKeyTypeSchema });
export type XksProxyAuthenticationCredentialType = z.output<typeof XksProxyAuthenticationCredentialTypeSchema>;
export type XksProxyAuthenticationCredentialTypeWire = z.input<typeof XksProxyAuthenticationCredentialTypeSchema>;
export const XksProxyConnectivityTypeSchema = z.enum(["PUBLIC_ENDPOINT", "VPC_ENDPOINT_SERVICE"]);
export type XksProxyConnectivityType = z.output<typeof XksProxyConnectivityTypeSchema>;
export const CreateCustomKeyStoreRequestSchema = z.object({ CustomKeyStoreName: CustomKeyStoreNameTypeSchema, CloudHsmClusterId: CloudHsmClusterIdTypeSchema.optional(), TrustAnchorCertificate: TrustAnchorCertificateTypeSchema.optional(), KeyStorePassword: KeyStorePasswordTypeSchema.optional(), CustomKeyStoreType: CustomKeyStoreTypeSchema.optional(), XksProxyUriEndpoint: XksProxyUriEndpointTypeSchema.optional(), XksProxyUriPath: XksProxyUriPathTypeSchema.optional(), XksProxyVpcEndpointServiceName: XksProxyVpcEndpointServiceNameTypeSchema.optional(), XksProxyVpcEndpointServiceOwner: AccountIdTypeSchema.optional(), XksProxyAuthenticationCredential: XksProxyAuthenticationCredentialTypeSchema.optional(), XksProxyConnectivity: XksProxyConnectivityTypeSchema.optional() });
export type CreateCustomKeyStoreRequest = z.output<typeof CreateCustomKeyStoreRequestSchema>;
export type CreateCustomKeyStoreRequestWire = z.input<typeof CreateCustomKeyStoreRequestSchema>;
export const CreateCustomKeyStoreResponseSchema = z.object({ CustomKeyStoreId: CustomKeyStoreIdTypeSchema.optional() });
export type CreateCustomKeyStoreResponse = z.output<typeof CreateCustomKeyStoreResponseSchema>;
export type CreateCustomKeyStoreResponseWire = z.input<typeof CreateCustomKeyStoreResponseSchema>;
export const PrincipalIdTypeSchema = str({ min: 1, max: 256, regex: SHAPES.PrincipalIdType.regex });
export const GrantOperationSchema = z.enum(["Decrypt", "Encrypt", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext", "ReEncryptFrom", "ReEncryptTo", "Sign", "Verify", "GetPublicKey", "CreateGrant", "RetireGrant", "DescribeKey", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext", "GenerateMac", "VerifyMac", "DeriveSharedSecret"]);
export type GrantOperation = z.output<typeof GrantOperationSchema>;
export const GrantOperationListSchema = z.array(GrantOperationSchema);
export const EncryptionContextKeySchema = z.string();
export const EncryptionContextValueSchema = z.string();
export const EncryptionContextTypeSchema = z.record(EncryptionContextKeySchema, EncryptionContextValueSchema);
export const GrantConstraintsSchema = z.object({ EncryptionContextSubset: EncryptionContextTypeSchema.optional(), EncryptionContextEquals: EncryptionContextTypeSchema.optional() });
export type GrantConstraints = z.output<typeof GrantConstraintsSchema>;
export type GrantConstraintsWire = z.input<typeof GrantConstraintsSchema>;
export const GrantTokenTypeSchema = str({ min: 1, max: 8192 });
export const GrantTokenListSchema = z.array(GrantTokenTypeSchema).min(0).max(10);
export const GrantNameTypeSchema = str({ min: 1, max: 256, regex: SHAPES.GrantNameType.regex });
export const NullableBooleanTypeSchema = z.boolean();
export const CreateGrantRequestSchema = z.object({ KeyId: KeyIdTypeSchema, GranteePrincipal: PrincipalIdTypeSchema, RetiringPrincipal: PrincipalIdTypeSchema.optional(), Operations: GrantOperationListSchema, Constraints: GrantConstraintsSchema.optional(), GrantTokens: GrantTokenListSchema.optional(), Name: GrantNameTypeSchema.optional(), DryRun: NullableBooleanTypeSchema.optional() });
export type CreateGrantRequest = z.output<typeof CreateGrantRequestSchema>;
export type CreateGrantRequestWire = z.input<typeof CreateGrantRequestSchema>;
export const GrantIdTypeSchema = str({ min: 1, max: 128 });
export const CreateGrantResponseSchema = z.object({ GrantToken: GrantTokenTypeSchema.optional(), GrantId: GrantIdTypeSchema.optional() });
export type CreateGrantResponse = z.output<typeof CreateGrantResponseSchema>;
export type CreateGrantResponseWire = z.input<typeof CreateGrantResponseSchema>;
export const PolicyTypeSchema = str({ min: 1, max: 131072, regex: SHAPES.PolicyType.regex });
export const DescriptionTypeSchema = str({ min: 0, max: 8192 });
export const KeyUsageTypeSchema = z.enum(["SIGN_VERIFY", "ENCRYPT_DECRYPT", "GENERATE_VERIFY_MAC", "KEY_AGREEMENT"]);
export type KeyUsageType = z.output<typeof KeyUsageTypeSchema>;
export const CustomerMasterKeySpecSchema = z.enum(["RSA_2048", "RSA_3072", "RSA_4096", "ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1", "SYMMETRIC_DEFAULT", "HMAC_224", "HMAC_256", "HMAC_384", "HMAC_512", "SM2"]);
export type CustomerMasterKeySpec = z.output<typeof CustomerMasterKeySpecSchema>;
export const KeySpecSchema = z.enum(["RSA_2048", "RSA_3072", "RSA_4096", "ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1", "SYMMETRIC_DEFAULT", "HMAC_224", "HMAC_256", "HMAC_384", "HMAC_512", "SM2", "ML_DSA_44", "ML_DSA_65", "ML_DSA_87", "ECC_NIST_EDWARDS25519"]);
export type KeySpec = z.output<typeof KeySpecSchema>;
export const OriginTypeSchema = z.enum(["AWS_KMS", "EXTERNAL", "AWS_CLOUDHSM", "EXTERNAL_KEY_STORE"]);
export type OriginType = z.output<typeof OriginTypeSchema>;
export const BooleanTypeSchema = z.boolean();
export const TagKeyTypeSchema = str({ min: 1, max: 128 });
export const TagValueTypeSchema = str({ min: 0, max: 256 });
export const TagSchema = z.object({ TagKey: TagKeyTypeSchema, TagValue: TagValueTypeSchema });
export type Tag = z.output<typeof TagSchema>;
export type TagWire = z.input<typeof TagSchema>;
export const TagListSchema = z.array(TagSchema);
export const XksKeyIdTypeSchema = str({ min: 1, max: 128, regex: SHAPES.XksKeyIdType.regex });
export const CreateKeyRequestSchema = z.object({ Policy: PolicyTypeSchema.optional(), Description: DescriptionTypeSchema.optional(), KeyUsage: KeyUsageTypeSchema.optional(), CustomerMasterKeySpec: CustomerMasterKeySpecSchema.optional(), KeySpec: KeySpecSchema.optional(), Origin: OriginTypeSchema.optional(), CustomKeyStoreId: CustomKeyStoreIdTypeSchema.optional(), BypassPolicyLockoutSafetyCheck: BooleanTypeSchema.optional(), Tags: TagListSchema.optional(), MultiRegion: NullableBooleanTypeSchema.optional(), XksKeyId: XksKeyIdTypeSchema.optional() });
export type CreateKeyRequest = z.output<typeof CreateKeyRequestSchema>;
export type CreateKeyRequestWire = z.input<typeof CreateKeyRequestSchema>;
export const AWSAccountIdTypeSchema = z.string();
export const ArnTypeSchema = str({ min: 20, max: 2048 });
export const DateTypeSchema = timestamp();
export const KeyStateSchema = z.enum(["Creating", "Enabled", "Disabled", "PendingDeletion", "PendingImport", "PendingReplicaDeletion", "Unavailable", "Updating"]);
export type KeyState = z.output<typeof KeyStateSchema>;
export const ExpirationModelTypeSchema = z.enum(["KEY_MATERIAL_EXPIRES", "KEY_MATERIAL_DOES_NOT_EXPIRE"]);
export type ExpirationModelType = z.output<typeof ExpirationModelTypeSchema>;
export const KeyManagerTypeSchema = z.enum(["AWS", "CUSTOMER"]);
export type KeyManagerType = z.output<typeof KeyManagerTypeSchema>;
export const EncryptionAlgorithmSpecSchema = z.enum(["SYMMETRIC_DEFAULT", "RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256", "SM2PKE"]);
export type EncryptionAlgorithmSpec = z.output<typeof EncryptionAlgorithmSpecSchema>;
export const EncryptionAlgorithmSpecListSchema = z.array(EncryptionAlgorithmSpecSchema);
export const SigningAlgorithmSpecSchema = z.enum(["RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384", "RSASSA_PSS_SHA_512", "RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384", "RSASSA_PKCS1_V1_5_SHA_512", "ECDSA_SHA_256", "ECDSA_SHA_384", "ECDSA_SHA_512", "SM2DSA", "ML_DSA_SHAKE_256", "ED25519_SHA_512", "ED25519_PH_SHA_512"]);
export type SigningAlgorithmSpec = z.output<typeof SigningAlgorithmSpecSchema>;
export const SigningAlgorithmSpecListSchema = z.array(SigningAlgorithmSpecSchema);
export const KeyAgreementAlgorithmSpecSchema = z.enum(["ECDH"]);
export type KeyAgreementAlgorithmSpec = z.output<typeof KeyAgreementAlgorithmSpecSchema>;
export const KeyAgreementAlgorithmSpecListSchema = z.array(KeyAgreementAlgorithmSpecSchema);
export const MultiRegionKeyTypeSchema = z.enum(["PRIMARY", "REPLICA"]);
export type MultiRegionKeyType = z.output<typeof MultiRegionKeyTypeSchema>;
export const RegionTypeSchema = str({ min: 1, max: 32, regex: SHAPES.RegionType.regex });
export const MultiRegionKeySchema = z.object({ Arn: ArnTypeSchema.optional(), Region: RegionTypeSchema.optional() });
export type MultiRegionKey = z.output<typeof MultiRegionKeySchema>;
export type MultiRegionKeyWire = z.input<typeof MultiRegionKeySchema>;
export const MultiRegionKeyListSchema = z.array(MultiRegionKeySchema);
export const MultiRegionConfigurationSchema = z.object({ MultiRegionKeyType: MultiRegionKeyTypeSchema.optional(), PrimaryKey: MultiRegionKeySchema.optional(), ReplicaKeys: MultiRegionKeyListSchema.optional() });
export type MultiRegionConfiguration = z.output<typeof MultiRegionConfigurationSchema>;
export type MultiRegionConfigurationWire = z.input<typeof MultiRegionConfigurationSchema>;
export const PendingWindowInDaysTypeSchema = z.int().min(1).max(365);
export const MacAlgorithmSpecSchema = z.enum(["HMAC_SHA_224", "HMAC_SHA_256", "HMAC_SHA_384", "HMAC_SHA_512"]);
export type MacAlgorithmSpec = z.output<typeof MacAlgorithmSpecSchema>;
export const MacAlgorithmSpecListSchema = z.array(MacAlgorithmSpecSchema);
export const XksKeyConfigurationTypeSchema = z.object({ Id: XksKeyIdTypeSchema.optional() });
export type XksKeyConfigurationType = z.output<typeof XksKeyConfigurationTypeSchema>;
export type XksKeyConfigurationTypeWire = z.input<typeof XksKeyConfigurationTypeSchema>;
export const BackingKeyIdTypeSchema = str({ min: 64, max: 64, regex: SHAPES.BackingKeyIdType.regex });
export const KeyMetadataSchema = z.object({ AWSAccountId: AWSAccountIdTypeSchema.optional(), KeyId: KeyIdTypeSchema, Arn: ArnTypeSchema.optional(), CreationDate: DateTypeSchema.optional(), Enabled: BooleanTypeSchema.optional(), Description: DescriptionTypeSchema.optional(), KeyUsage: KeyUsageTypeSchema.optional(), KeyState: KeyStateSchema.optional(), DeletionDate: DateTypeSchema.optional(), ValidTo: DateTypeSchema.optional(), Origin: OriginTypeSchema.optional(), CustomKeyStoreId: CustomKeyStoreIdTypeSchema.optional(), CloudHsmClusterId: CloudHsmClusterIdTypeSchema.optional(), ExpirationModel: ExpirationModelTypeSchema.optional(), KeyManager: KeyManagerTypeSchema.optional(), CustomerMasterKeySpec: CustomerMasterKeySpecSchema.optional(), KeySpec: KeySpecSchema.optional(), EncryptionAlgorithms: EncryptionAlgorithmSpecListSchema.optional(), SigningAlgorithms: SigningAlgorithmSpecListSchema.optional(), KeyAgreementAlgorithms: KeyAgreementAlgorithmSpecListSchema.optional(), MultiRegion: NullableBooleanTypeSchema.optional(), MultiRegionConfiguration: MultiRegionConfigurationSchema.optional(), PendingDeletionWindowInDays: PendingWindowInDaysTypeSchema.optional(), MacAlgorithms: MacAlgorithmSpecListSchema.optional(), XksKeyConfiguration: XksKeyConfigurationTypeSchema.optional(), CurrentKeyMaterialId: BackingKeyIdTypeSchema.optional() });
export type KeyMetadata = z.output<typeof KeyMetadataSchema>;
export type KeyMetadataWire = z.input<typeof KeyMetadataSchema>;
export const CreateKeyResponseSchema = z.object({ KeyMetadata: KeyMetadataSchema.optional() });
export type CreateKeyResponse = z.output<typeof CreateKeyResponseSchema>;
export type CreateKeyResponseWire = z.input<typeof CreateKeyResponseSchema>;
export const CiphertextTypeSchema = blob(1, 6144);
export const KeyEncryptionMechanismSchema = z.enum(["RSAES_OAEP_SHA_256"]);
export type KeyEncryptionMechanism = z.output<typeof KeyEncryptionMechanismSchema>;
export const AttestationDocumentTypeSchema = blob(1, 262144);
export const RecipientInfoSchema = z.object({ KeyEncryptionAlgorithm: KeyEncryptionMechanismSchema.optional(), AttestationDocument: AttestationDocumentTypeSchema.optional() });
export type RecipientInfo = z.output<typeof RecipientInfoSchema>;
export type RecipientInfoWire = z.input<typeof RecipientInfoSchema>;
export const DryRunModifierTypeSchema = z.enum(["IGNORE_CIPHERTEXT"]);
export type DryRunModifierType = z.output<typeof DryRunModifierTypeSchema>;
export const DryRunModifierListSchema = z.array(DryRunModifierTypeSchema);
export const DecryptRequestSchema = z.object({ CiphertextBlob: CiphertextTypeSchema.optional(), EncryptionContext: EncryptionContextTypeSchema.optional(), GrantTokens: GrantTokenListSchema.optional(), KeyId: KeyIdTypeSchema.optional(), EncryptionAlgorithm: EncryptionAlgorithmSpecSchema.optional(), Recipient: RecipientInfoSchema.optional(), DryRun: NullableBooleanTypeSchema.optional(), DryRunModifiers: DryRunModifierListSchema.optional() });
export type DecryptRequest = z.output<typeof DecryptRequestSchema>;
export type DecryptRequestWire = z.input<typeof DecryptRequestSchema>;
export const PlaintextTypeSchema = blob(1, 4096);
export const DecryptResponseSchema = z.object({ KeyId: KeyIdTypeSchema.optional(), Plaintext: PlaintextTypeSchema.optional(), EncryptionAlgorithm: EncryptionAlgorithmSpecSchema.optional(), CiphertextForRecipient: CiphertextTypeSchema.optional(), KeyMaterialId: BackingKeyIdTypeSchema.optional() });
export type DecryptResponse = z.output<typeof DecryptResponseSchema>;
export type DecryptResponseWire = z.input<typeof DecryptResponseSchema>;
export const DeleteAliasRequestSchema = z.object({ AliasName: AliasNameTypeSchema });
export type DeleteAliasRequest = z.output<typeof DeleteAliasRequestSchema>;
export type DeleteAliasRequestWire = z.input<typeof DeleteAliasRequestSchema>;
export const DeleteCustomKeyStoreRequestSchema = z.object({ CustomKeyStoreId: CustomKeyStoreIdTypeSchema });
export type DeleteCustomKeyStoreRequest = z.output<typeof DeleteCustomKeyStoreRequestSchema>;
export type DeleteCustomKeyStoreRequestWire = z.input<typeof DeleteCustomKeyStoreRequestSchema>;
export const DeleteCustomKeyStoreResponseSchema = z.object({});
export type DeleteCustomKeyStoreResponse = z.output<typeof DeleteCustomKeyStoreResponseSchema>;
export type DeleteCustomKeyStoreResponseWire = z.input<typeof DeleteCustomKeyStoreResponseSchema>;
export const DeleteImportedKeyMaterialRequestSchema = z.object({ KeyId: KeyIdTypeSchema, KeyMaterialId: BackingKeyIdTypeSchema.optional() });
export type DeleteImportedKeyMaterialRequest = z.output<typeof DeleteImportedKeyMaterialRequestSchema>;
export type DeleteImportedKeyMaterialRequestWire = z.input<typeof DeleteImportedKeyMaterialRequestSchema>;
export const BackingKeyIdResponseTypeSchema = str({ min: 0, max: 64, regex: SHAPES.BackingKeyIdResponseType.regex });
export const DeleteImportedKeyMaterialResponseSchema = z.object({ KeyId: KeyIdTypeSchema.optional(), KeyMaterialId: BackingKeyIdResponseTypeSchema.optional() });
export type DeleteImportedKeyMaterialResponse = z.output<typeof DeleteImportedKeyMaterialResponseSchema>;
export type DeleteImportedKeyMaterialResponseWire = z.input<typeof DeleteImportedKeyMaterialResponseSchema>;
export const PublicKeyTypeSchema = blob(1, 8192);
export const DeriveSharedSecretRequestSchema = z.object({ KeyId: KeyIdTypeSchema, KeyAgreementAlgorithm: KeyAgreementAlgorithmSpecSchema, PublicKey: PublicKeyTypeSchema, GrantTokens: GrantTokenListSchema.optional(), DryRun: NullableBooleanTypeSchema.optional(), Recipient: RecipientInfoSchema.optional() });
export type DeriveSharedSecretRequest = z.output<typeof DeriveSharedSecretRequestSchema>;
export type DeriveSharedSecretRequestWire = z.input<typeof DeriveSharedSecretRequestSchema>;
export const DeriveSharedSecretResponseSchema = z.object({ KeyId: KeyIdTypeSchema.optional(), SharedSecret: PlaintextTypeSchema.optional(), CiphertextForRecipient: CiphertextTypeSchema.optional(), KeyAgreementAlgorithm: KeyAgreementAlgorithmSpecSchema.optional(), KeyOrigin: OriginTypeSchema.optional() });
export type DeriveSharedSecretResponse = z.output<typeof DeriveSharedSecretResponseSchema>;
export type DeriveSharedSecretResponseWire = z.input<typeof DeriveSharedSecretResponseSchema>;
export const LimitTypeSchema = z.int().min(1).max(1000);
export const MarkerTypeSchema = str({ min: 1, max: 1024, regex: SHAPES.MarkerType.regex });
export const DescribeCustomKeyStoresRequestSchema = z.object({ CustomKeyStoreId: CustomKeyStoreIdTypeSchema.optional(), CustomKeyStoreName: CustomKeyStoreNameTypeSchema.optional(), Limit: LimitTypeSchema.optional(), Marker: MarkerTypeSchema.optional() });
export type DescribeCustomKeyStoresRequest = z.output<typeof DescribeCustomKeyStoresRequestSchema>;
export type DescribeCustomKeyStoresRequestWire = z.input<typeof DescribeCustomKeyStoresRequestSchema>;
export const ConnectionStateTypeSchema = z.enum(["CONNECTED", "CONNECTING", "FAILED", "DISCONNECTED", "DISCONNECTING"]);
export type ConnectionStateType = z.output<typeof ConnectionStateTypeSchema>;
export const ConnectionErrorCodeTypeSchema = z.enum(["INVALID_CREDENTIALS", "CLUSTER_NOT_FOUND", "NETWORK_ERRORS", "INTERNAL_ERROR", "INSUFFICIENT_CLOUDHSM_HSMS", "USER_LOCKED_OUT", "USER_NOT_FOUND", "USER_LOGGED_IN", "SUBNET_NOT_FOUND", "INSUFFICIENT_FREE_ADDRESSES_IN_SUBNET", "XKS_PROXY_ACCESS_DENIED", "XKS_PROXY_NOT_REACHABLE", "XKS_VPC_ENDPOINT_SERVICE_NOT_FOUND", "XKS_PROXY_INVALID_RESPONSE", "XKS_PROXY_INVALID_CONFIGURATION", "XKS_VPC_ENDPOINT_SERVICE_INVALID_CONFIGURATION", "XKS_PROXY_TIMED_OUT", "XKS_PROXY_INVALID_TLS_CONFIGURATION"]);
export type ConnectionErrorCodeType = z.output<typeof ConnectionErrorCodeTypeSchema>;
export const XksProxyConfigurationTypeSchema = z.object({ Connectivity: XksProxyConnectivityTypeSchema.optional(), AccessKeyId: XksProxyAuthenticationAccessKeyIdTypeSchema.optional(), UriEndpoint: XksProxyUriEndpointTypeSchema.optional(), UriPath: XksProxyUriPathTypeSchema.optional(), VpcEndpointServiceName: XksProxyVpcEndpointServiceNameTypeSchema.optional(), VpcEndpointServiceOwner: AccountIdTypeSchema.optional() });
export type XksProxyConfigurationType = z.output<typeof XksProxyConfigurationTypeSchema>;
export type XksProxyConfigurationTypeWire = z.input<typeof XksProxyConfigurationTypeSchema>;
export const CustomKeyStoresListEntrySchema = z.object({ CustomKeyStoreId: CustomKeyStoreIdTypeSchema.optional(), CustomKeyStoreName: CustomKeyStoreNameTypeSchema.optional(), CloudHsmClusterId: CloudHsmClusterIdTypeSchema.optional(), TrustAnchorCertificate: TrustAnchorCertificateTypeSchema.optional(), ConnectionState: ConnectionStateTypeSchema.optional(), ConnectionErrorCode: ConnectionErrorCodeTypeSchema.optional(), CreationDate: DateTypeSchema.optional(), CustomKeyStoreType: CustomKeyStoreTypeSchema.optional(), XksProxyConfiguration: XksProxyConfigurationTypeSchema.optional() });
export type CustomKeyStoresListEntry = z.output<typeof CustomKeyStoresListEntrySchema>;
export type CustomKeyStoresListEntryWire = z.input<typeof CustomKeyStoresListEntrySchema>;
export const CustomKeyStoresListSchema = z.array(CustomKeyStoresListEntrySchema);
export const DescribeCustomKeyStoresResponseSchema = z.object({ CustomKeyStores: CustomKeyStoresListSchema.optional(), NextMarker: MarkerTypeSchema.optional(), Truncated: BooleanTypeSchema.optional() });
export type DescribeCustomKeyStoresResponse = z.output<typeof DescribeCustomKeyStoresResponseSchema>;
export type DescribeCustomKeyStoresResponseWire = z.input<typeof DescribeCustomKeyStoresResponseSchema>;
export const DescribeKeyRequestSchema = z.object({ KeyId: KeyIdTypeSchema, GrantTokens: GrantTokenListSchema.optional() });
export type DescribeKeyRequest = z.output<typeof DescribeKeyRequestSchema>;
export type DescribeKeyRequestWire = z.input<typeof DescribeKeyRequestSchema>;
export const DescribeKeyResponseSchema = z.object({ KeyMetadata: KeyMetadataSchema.optional() });
export type DescribeKeyResponse = z.output<typeof DescribeKeyResponseSchema>;
export type DescribeKeyResponseWire = z.input<typeof DescribeKeyResponseSchema>;
export const DisableKeyRequestSchema = z.object({ KeyId: KeyIdTypeSchema });
export type DisableKeyRequest = z.output<typeof DisableKeyRequestSchema>;
export type DisableKeyRequestWire = z.input<typeof DisableKeyRequestSchema>;
export const DisableKeyRotationRequestSchema = z.object({ KeyId: KeyIdTypeSchema });
export type DisableKeyRotationRequest = z.output<typeof DisableKeyRotationRequestSchema>;
export type DisableKeyRotationRequestWire = z.input<typeof DisableKeyRotationRequestSchema>;
export const DisconnectCustomKeyStoreRequestSchema = z.object({ CustomKeyStoreId: CustomKeyStoreIdTypeSchema });
export type DisconnectCustomKeyStoreRequest = z.output<typeof DisconnectCustomKeyStoreRequestSchema>;
export type DisconnectCustomKeyStoreRequestWire = z.input<typeof DisconnectCustomKeyStoreRequestSchema>;
export const DisconnectCustomKeyStoreResponseSchema = z.object({});
export type DisconnectCustomKeyStoreResponse = z.output<typeof DisconnectCustomKeyStoreResponseSchema>;
export type DisconnectCustomKeyStoreResponseWire = z.input<typeof DisconnectCustomKeyStoreResponseSchema>;
export const EnableKeyRequestSchema = z.object({ KeyId: KeyIdTypeSchema });
export type EnableKeyRequest = z.output<typeof EnableKeyRequestSchema>;
export type EnableKeyRequestWire = z.input<typeof EnableKeyRequestSchema>;
export const RotationPeriodInDaysTypeSchema = z.int().min(90).max(2560);
export const EnableKeyRotationRequestSchema = z.object({ KeyId: KeyIdTypeSchema, RotationPeriodInDays: RotationPeriodInDaysTypeSchema.optional() });
export type EnableKeyRotationRequest = z.output<typeof EnableKeyRotationRequestSchema>;
export type EnableKeyRotationRequestWire = z.input<typeof EnableKeyRotationRequestSchema>;
export const EncryptRequestSchema = z.object({ KeyId: KeyIdTypeSchema, Plaintext: PlaintextTypeSchema, EncryptionContext: EncryptionContextTypeSchema.optional(), GrantTokens: GrantTokenListSchema.optional(), EncryptionAlgorithm: EncryptionAlgorithmSpecSchema.optional(), DryRun: NullableBooleanTypeSchema.optional() });
export type EncryptRequest = z.output<typeof EncryptRequestSchema>;
export type EncryptRequestWire = z.input<typeof EncryptRequestSchema>;
export const EncryptResponseSchema = z.object({ CiphertextBlob: CiphertextTypeSchema.optional(), KeyId: KeyIdTypeSchema.optional(), EncryptionAlgorithm: EncryptionAlgorithmSpecSchema.optional() });
export type EncryptResponse = z.output<typeof EncryptResponseSchema>;
export type EncryptResponseWire = z.input<typeof EncryptResponseSchema>;
export const NumberOfBytesTypeSchema = z.int().min(1).max(1024);
export const DataKeySpecSchema = z.enum(["AES_256", "AES_128"]);
export type DataKeySpec = z.output<typeof DataKeySpecSchema>;
export const GenerateDataKeyRequestSchema = z.object({ KeyId: KeyIdTypeSchema, EncryptionContext: EncryptionContextTypeSchema.optional(), NumberOfBytes: NumberOfBytesTypeSchema.optional(), KeySpec: DataKeySpecSchema.optional(), GrantTokens: GrantTokenListSchema.optional(), Recipient: RecipientInfoSchema.optional(), DryRun: NullableBooleanTypeSchema.optional() });
export type GenerateDataKeyRequest = z.output<typeof GenerateDataKeyRequestSchema>;
export type GenerateDataKeyRequestWire = z.input<typeof GenerateDataKeyRequestSchema>;
export const GenerateDataKeyResponseSchema = z.object({ CiphertextBlob: CiphertextTypeSchema.optional(), Plaintext: PlaintextTypeSchema.optional(), KeyId: KeyIdTypeSchema.optional(), CiphertextForRecipient: CiphertextTypeSchema.optional(), KeyMaterialId: BackingKeyIdTypeSchema.optional() });
export type GenerateDataKeyResponse = z.output<typeof GenerateDataKeyResponseSchema>;
export type GenerateDataKeyResponseWire = z.input<typeof GenerateDataKeyResponseSchema>;
export const DataKeyPairSpecSchema = z.enum(["RSA_2048", "RSA_3072", "RSA_4096", "ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1", "SM2", "ECC_NIST_EDWARDS25519"]);
export type DataKeyPairSpec = z.output<typeof DataKeyPairSpecSchema>;
export const GenerateDataKeyPairRequestSchema = z.object({ EncryptionContext: EncryptionContextTypeSchema.optional(), KeyId: KeyIdTypeSchema, KeyPairSpec: DataKeyPairSpecSchema, GrantTokens: GrantTokenListSchema.optional(), Recipient: RecipientInfoSchema.optional(), DryRun: NullableBooleanTypeSchema.optional() });
export type GenerateDataKeyPairRequest = z.output<typeof GenerateDataKeyPairRequestSchema>;
export type GenerateDataKeyPairRequestWire = z.input<typeof GenerateDataKeyPairRequestSchema>;
export const GenerateDataKeyPairResponseSchema = z.object({ PrivateKeyCiphertextBlob: CiphertextTypeSchema.optional(), PrivateKeyPlaintext: PlaintextTypeSchema.optional(), PublicKey: PublicKeyTypeSchema.optional(), KeyId: KeyIdTypeSchema.optional(), KeyPairSpec: DataKeyPairSpecSchema.optional(), CiphertextForRecipient: CiphertextTypeSchema.optional(), KeyMaterialId: BackingKeyIdTypeSchema.optional() });
export type GenerateDataKeyPairResponse = z.output<typeof GenerateDataKeyPairResponseSchema>;
export type GenerateDataKeyPairResponseWire = z.input<typeof GenerateDataKeyPairResponseSchema>;
export const GenerateDataKeyPairWithoutPlaintextRequestSchema = z.object({ EncryptionContext: EncryptionContextTypeSchema.optional(), KeyId: KeyIdTypeSchema, KeyPairSpec: DataKeyPairSpecSchema, GrantTokens: GrantTokenListSchema.optional(), DryRun: NullableBooleanTypeSchema.optional() });
export type GenerateDataKeyPairWithoutPlaintextRequest = z.output<typeof GenerateDataKeyPairWithoutPlaintextRequestSchema>;
export type GenerateDataKeyPairWithoutPlaintextRequestWire = z.input<typeof GenerateDataKeyPairWithoutPlaintextRequestSchema>;
export const GenerateDataKeyPairWithoutPlaintextResponseSchema = z.object({ PrivateKeyCiphertextBlob: CiphertextTypeSchema.optional(), PublicKey: PublicKeyTypeSchema.optional(), KeyId: KeyIdTypeSchema.optional(), KeyPairSpec: DataKeyPairSpecSchema.optional(), KeyMaterialId: BackingKeyIdTypeSchema.optional() });
export type GenerateDataKeyPairWithoutPlaintextResponse = z.output<typeof GenerateDataKeyPairWithoutPlaintextResponseSchema>;
export type GenerateDataKeyPairWithoutPlaintextResponseWire = z.input<typeof GenerateDataKeyPairWithoutPlaintextResponseSchema>;
export const GenerateDataKeyWithoutPlaintextRequestSchema = z.object({ KeyId: KeyIdTypeSchema, EncryptionContext: EncryptionContextTypeSchema.optional(), KeySpec: DataKeySpecSchema.optional(), NumberOfBytes: NumberOfBytesTypeSchema.optional(), GrantTokens: GrantTokenListSchema.optional(), DryRun: NullableBooleanTypeSchema.optional() });
export type GenerateDataKeyWithoutPlaintextRequest = z.output<typeof GenerateDataKeyWithoutPlaintextRequestSchema>;
export type GenerateDataKeyWithoutPlaintextRequestWire = z.input<typeof GenerateDataKeyWithoutPlaintextRequestSchema>;
export const GenerateDataKeyWithoutPlaintextResponseSchema = z.object({ CiphertextBlob: CiphertextTypeSchema.optional(), KeyId: KeyIdTypeSchema.optional(), KeyMaterialId: BackingKeyIdTypeSchema.optional() });
export type GenerateDataKeyWithoutPlaintextResponse = z.output<typeof GenerateDataKeyWithoutPlaintextResponseSchema>;
export type GenerateDataKeyWithoutPlaintextResponseWire = z.input<typeof GenerateDataKeyWithoutPlaintextResponseSchema>;
export const GenerateMacRequestSchema = z.object({ Message: PlaintextTypeSchema, KeyId: KeyIdTypeSchema, MacAlgorithm: MacAlgorithmSpecSchema, GrantTokens: GrantTokenListSchema.optional(), DryRun: NullableBooleanTypeSchema.optional() });
export type GenerateMacRequest = z.output<typeof GenerateMacRequestSchema>;
export type GenerateMacRequestWire = z.input<typeof GenerateMacRequestSchema>;
export const GenerateMacResponseSchema = z.object({ Mac: CiphertextTypeSchema.optional(), MacAlgorithm: MacAlgorithmSpecSchema.optional(), KeyId: KeyIdTypeSchema.optional() });
export type GenerateMacResponse = z.output<typeof GenerateMacResponseSchema>;
export type GenerateMacResponseWire = z.input<typeof GenerateMacResponseSchema>;
export const GenerateRandomRequestSchema = z.object({ NumberOfBytes: NumberOfBytesTypeSchema.optional(), CustomKeyStoreId: CustomKeyStoreIdTypeSchema.optional(), Recipient: RecipientInfoSchema.optional() });
export type GenerateRandomRequest = z.output<typeof GenerateRandomRequestSchema>;
export type GenerateRandomRequestWire = z.input<typeof GenerateRandomRequestSchema>;
export const GenerateRandomResponseSchema = z.object({ Plaintext: PlaintextTypeSchema.optional(), CiphertextForRecipient: CiphertextTypeSchema.optional() });
export type GenerateRandomResponse = z.output<typeof GenerateRandomResponseSchema>;
export type GenerateRandomResponseWire = z.input<typeof GenerateRandomResponseSchema>;
export const GetKeyLastUsageRequestSchema = z.object({ KeyId: KeyIdTypeSchema });
export type GetKeyLastUsageRequest = z.output<typeof GetKeyLastUsageRequestSchema>;
export type GetKeyLastUsageRequestWire = z.input<typeof GetKeyLastUsageRequestSchema>;
export const KeyLastUsageTrackingOperationSchema = z.enum(["Decrypt", "DeriveSharedSecret", "Encrypt", "GenerateDataKey", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext", "GenerateDataKeyWithoutPlaintext", "GenerateMac", "ReEncrypt", "Sign", "Verify", "VerifyMac"]);
export type KeyLastUsageTrackingOperation = z.output<typeof KeyLastUsageTrackingOperationSchema>;
export const CloudTrailEventIdTypeSchema = z.string();
export const KmsRequestIdTypeSchema = z.string();
export const KeyLastUsageDataSchema = z.object({ Operation: KeyLastUsageTrackingOperationSchema.optional(), Timestamp: DateTypeSchema.optional(), CloudTrailEventId: CloudTrailEventIdTypeSchema.optional(), KmsRequestId: KmsRequestIdTypeSchema.optional() });
export type KeyLastUsageData = z.output<typeof KeyLastUsageDataSchema>;
export type KeyLastUsageDataWire = z.input<typeof KeyLastUsageDataSchema>;
export const GetKeyLastUsageResponseSchema = z.object({ KeyId: KeyIdTypeSchema.optional(), KeyLastUsage: KeyLastUsageDataSchema.optional(), TrackingStartDate: DateTypeSchema.optional(), KeyCreationDate: DateTypeSchema.optional() });
export type GetKeyLastUsageResponse = z.output<typeof GetKeyLastUsageResponseSchema>;
export type GetKeyLastUsageResponseWire = z.input<typeof GetKeyLastUsageResponseSchema>;
export const PolicyNameTypeSchema = str({ min: 1, max: 128, regex: SHAPES.PolicyNameType.regex });
export const GetKeyPolicyRequestSchema = z.object({ KeyId: KeyIdTypeSchema, PolicyName: PolicyNameTypeSchema.optional() });
export type GetKeyPolicyRequest = z.output<typeof GetKeyPolicyRequestSchema>;
export type GetKeyPolicyRequestWire = z.input<typeof GetKeyPolicyRequestSchema>;
export const GetKeyPolicyResponseSchema = z.object({ Policy: PolicyTypeSchema.optional(), PolicyName: PolicyNameTypeSchema.optional() });
export type GetKeyPolicyResponse = z.output<typeof GetKeyPolicyResponseSchema>;
export type GetKeyPolicyResponseWire = z.input<typeof GetKeyPolicyResponseSchema>;
export const GetKeyRotationStatusRequestSchema = z.object({ KeyId: KeyIdTypeSchema });
export type GetKeyRotationStatusRequest = z.output<typeof GetKeyRotationStatusRequestSchema>;
export type GetKeyRotationStatusRequestWire = z.input<typeof GetKeyRotationStatusRequestSchema>;
export const GetKeyRotationStatusResponseSchema = z.object({ KeyRotationEnabled: BooleanTypeSchema.optional(), KeyId: KeyIdTypeSchema.optional(), RotationPeriodInDays: RotationPeriodInDaysTypeSchema.optional(), NextRotationDate: DateTypeSchema.optional(), OnDemandRotationStartDate: DateTypeSchema.optional() });
export type GetKeyRotationStatusResponse = z.output<typeof GetKeyRotationStatusResponseSchema>;
export type GetKeyRotationStatusResponseWire = z.input<typeof GetKeyRotationStatusResponseSchema>;
export const AlgorithmSpecSchema = z.enum(["RSAES_PKCS1_V1_5", "RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256", "RSA_AES_KEY_WRAP_SHA_1", "RSA_AES_KEY_WRAP_SHA_256", "SM2PKE"]);
export type AlgorithmSpec = z.output<typeof AlgorithmSpecSchema>;
export const WrappingKeySpecSchema = z.enum(["RSA_2048", "RSA_3072", "RSA_4096", "SM2"]);
export type WrappingKeySpec = z.output<typeof WrappingKeySpecSchema>;
export const GetParametersForImportRequestSchema = z.object({ KeyId: KeyIdTypeSchema, WrappingAlgorithm: AlgorithmSpecSchema, WrappingKeySpec: WrappingKeySpecSchema });
export type GetParametersForImportRequest = z.output<typeof GetParametersForImportRequestSchema>;
export type GetParametersForImportRequestWire = z.input<typeof GetParametersForImportRequestSchema>;
export const GetParametersForImportResponseSchema = z.object({ KeyId: KeyIdTypeSchema.optional(), ImportToken: CiphertextTypeSchema.optional(), PublicKey: PlaintextTypeSchema.optional(), ParametersValidTo: DateTypeSchema.optional() });
export type GetParametersForImportResponse = z.output<typeof GetParametersForImportResponseSchema>;
export type GetParametersForImportResponseWire = z.input<typeof GetParametersForImportResponseSchema>;
export const GetPublicKeyRequestSchema = z.object({ KeyId: KeyIdTypeSchema, GrantTokens: GrantTokenListSchema.optional() });
export type GetPublicKeyRequest = z.output<typeof GetPublicKeyRequestSchema>;
export type GetPublicKeyRequestWire = z.input<typeof GetPublicKeyRequestSchema>;
export const GetPublicKeyResponseSchema = z.object({ KeyId: KeyIdTypeSchema.optional(), PublicKey: PublicKeyTypeSchema.optional(), CustomerMasterKeySpec: CustomerMasterKeySpecSchema.optional(), KeySpec: KeySpecSchema.optional(), KeyUsage: KeyUsageTypeSchema.optional(), EncryptionAlgorithms: EncryptionAlgorithmSpecListSchema.optional(), SigningAlgorithms: SigningAlgorithmSpecListSchema.optional(), KeyAgreementAlgorithms: KeyAgreementAlgorithmSpecListSchema.optional() });
export type GetPublicKeyResponse = z.output<typeof GetPublicKeyResponseSchema>;
export type GetPublicKeyResponseWire = z.input<typeof GetPublicKeyResponseSchema>;
export const ImportTypeSchema = z.enum(["NEW_KEY_MATERIAL", "EXISTING_KEY_MATERIAL"]);
export type ImportType = z.output<typeof ImportTypeSchema>;
export const KeyMaterialDescriptionTypeSchema = str({ min: 0, max: 256, regex: SHAPES.KeyMaterialDescriptionType.regex });
export const ImportKeyMaterialRequestSchema = z.object({ KeyId: KeyIdTypeSchema, ImportToken: CiphertextTypeSchema, EncryptedKeyMaterial: CiphertextTypeSchema, ValidTo: DateTypeSchema.optional(), ExpirationModel: ExpirationModelTypeSchema.optional(), ImportType: ImportTypeSchema.optional(), KeyMaterialDescription: KeyMaterialDescriptionTypeSchema.optional(), KeyMaterialId: BackingKeyIdTypeSchema.optional() });
export type ImportKeyMaterialRequest = z.output<typeof ImportKeyMaterialRequestSchema>;
export type ImportKeyMaterialRequestWire = z.input<typeof ImportKeyMaterialRequestSchema>;
export const ImportKeyMaterialResponseSchema = z.object({ KeyId: KeyIdTypeSchema.optional(), KeyMaterialId: BackingKeyIdTypeSchema.optional() });
export type ImportKeyMaterialResponse = z.output<typeof ImportKeyMaterialResponseSchema>;
export type ImportKeyMaterialResponseWire = z.input<typeof ImportKeyMaterialResponseSchema>;
export const ListAliasesRequestSchema = z.object({ KeyId: KeyIdTypeSchema.optional(), Limit: LimitTypeSchema.optional(), Marker: MarkerTypeSchema.optional() });
export type ListAliasesRequest = z.output<typeof ListAliasesRequestSchema>;
export type ListAliasesRequestWire = z.input<typeof ListAliasesRequestSchema>;
export const AliasListEntrySchema = z.object({ AliasName: AliasNameTypeSchema.optional(), AliasArn: ArnTypeSchema.optional(), TargetKeyId: KeyIdTypeSchema.optional(), CreationDate: DateTypeSchema.optional(), LastUpdatedDate: DateTypeSchema.optional() });
export type AliasListEntry = z.output<typeof AliasListEntrySchema>;
export type AliasListEntryWire = z.input<typeof AliasListEntrySchema>;
export const AliasListSchema = z.array(AliasListEntrySchema);
export const ListAliasesResponseSchema = z.object({ Aliases: AliasListSchema.optional(), NextMarker: MarkerTypeSchema.optional(), Truncated: BooleanTypeSchema.optional() });
export type ListAliasesResponse = z.output<typeof ListAliasesResponseSchema>;
export type ListAliasesResponseWire = z.input<typeof ListAliasesResponseSchema>;
export const ListGrantsRequestSchema = z.object({ Limit: LimitTypeSchema.optional(), Marker: MarkerTypeSchema.optional(), KeyId: KeyIdTypeSchema, GrantId: GrantIdTypeSchema.optional(), GranteePrincipal: PrincipalIdTypeSchema.optional() });
export type ListGrantsRequest = z.output<typeof ListGrantsRequestSchema>;
export type ListGrantsRequestWire = z.input<typeof ListGrantsRequestSchema>;
export const GrantListEntrySchema = z.object({ KeyId: KeyIdTypeSchema.optional(), GrantId: GrantIdTypeSchema.optional(), Name: GrantNameTypeSchema.optional(), CreationDate: DateTypeSchema.optional(), GranteePrincipal: PrincipalIdTypeSchema.optional(), RetiringPrincipal: PrincipalIdTypeSchema.optional(), IssuingAccount: PrincipalIdTypeSchema.optional(), Operations: GrantOperationListSchema.optional(), Constraints: GrantConstraintsSchema.optional() });
export type GrantListEntry = z.output<typeof GrantListEntrySchema>;
export type GrantListEntryWire = z.input<typeof GrantListEntrySchema>;
export const GrantListSchema = z.array(GrantListEntrySchema);
export const ListGrantsResponseSchema = z.object({ Grants: GrantListSchema.optional(), NextMarker: MarkerTypeSchema.optional(), Truncated: BooleanTypeSchema.optional() });
export type ListGrantsResponse = z.output<typeof ListGrantsResponseSchema>;
export type ListGrantsResponseWire = z.input<typeof ListGrantsResponseSchema>;
export const ListKeyPoliciesRequestSchema = z.object({ KeyId: KeyIdTypeSchema, Limit: LimitTypeSchema.optional(), Marker: MarkerTypeSchema.optional() });
export type ListKeyPoliciesRequest = z.output<typeof ListKeyPoliciesRequestSchema>;
export type ListKeyPoliciesRequestWire = z.input<typeof ListKeyPoliciesRequestSchema>;
export const PolicyNameListSchema = z.array(PolicyNameTypeSchema);
export const ListKeyPoliciesResponseSchema = z.object({ PolicyNames: PolicyNameListSchema.optional(), NextMarker: MarkerTypeSchema.optional(), Truncated: BooleanTypeSchema.optional() });
export type ListKeyPoliciesResponse = z.output<typeof ListKeyPoliciesResponseSchema>;
export type ListKeyPoliciesResponseWire = z.input<typeof ListKeyPoliciesResponseSchema>;
export const IncludeKeyMaterialSchema = z.enum(["ALL_KEY_MATERIAL", "ROTATIONS_ONLY"]);
export type IncludeKeyMaterial = z.output<typeof IncludeKeyMaterialSchema>;
export const ListKeyRotationsRequestSchema = z.object({ KeyId: KeyIdTypeSchema, IncludeKeyMaterial: IncludeKeyMaterialSchema.optional(), Limit: LimitTypeSchema.optional(), Marker: MarkerTypeSchema.optional() });
export type ListKeyRotationsRequest = z.output<typeof ListKeyRotationsRequestSchema>;
export type ListKeyRotationsRequestWire = z.input<typeof ListKeyRotationsRequestSchema>;
export const ImportStateSchema = z.enum(["IMPORTED", "PENDING_IMPORT"]);
export type ImportState = z.output<typeof ImportStateSchema>;
export const KeyMaterialStateSchema = z.enum(["NON_CURRENT", "CURRENT", "PENDING_ROTATION", "PENDING_MULTI_REGION_IMPORT_AND_ROTATION"]);
export type KeyMaterialState = z.output<typeof KeyMaterialStateSchema>;
export const RotationTypeSchema = z.enum(["AUTOMATIC", "ON_DEMAND"]);
export type RotationType = z.output<typeof RotationTypeSchema>;
export const RotationsListEntrySchema = z.object({ KeyId: KeyIdTypeSchema.optional(), KeyMaterialId: BackingKeyIdTypeSchema.optional(), KeyMaterialDescription: KeyMaterialDescriptionTypeSchema.optional(), ImportState: ImportStateSchema.optional(), KeyMaterialState: KeyMaterialStateSchema.optional(), ExpirationModel: ExpirationModelTypeSchema.optional(), ValidTo: DateTypeSchema.optional(), RotationDate: DateTypeSchema.optional(), RotationType: RotationTypeSchema.optional() });
export type RotationsListEntry = z.output<typeof RotationsListEntrySchema>;
export type RotationsListEntryWire = z.input<typeof RotationsListEntrySchema>;
export const RotationsListSchema = z.array(RotationsListEntrySchema);
export const ListKeyRotationsResponseSchema = z.object({ Rotations: RotationsListSchema.optional(), NextMarker: MarkerTypeSchema.optional(), Truncated: BooleanTypeSchema.optional() });
export type ListKeyRotationsResponse = z.output<typeof ListKeyRotationsResponseSchema>;
export type ListKeyRotationsResponseWire = z.input<typeof ListKeyRotationsResponseSchema>;
export const ListKeysRequestSchema = z.object({ Limit: LimitTypeSchema.optional(), Marker: MarkerTypeSchema.optional() });
export type ListKeysRequest = z.output<typeof ListKeysRequestSchema>;
export type ListKeysRequestWire = z.input<typeof ListKeysRequestSchema>;
export const KeyListEntrySchema = z.object({ KeyId: KeyIdTypeSchema.optional(), KeyArn: ArnTypeSchema.optional() });
export type KeyListEntry = z.output<typeof KeyListEntrySchema>;
export type KeyListEntryWire = z.input<typeof KeyListEntrySchema>;
export const KeyListSchema = z.array(KeyListEntrySchema);
export const ListKeysResponseSchema = z.object({ Keys: KeyListSchema.optional(), NextMarker: MarkerTypeSchema.optional(), Truncated: BooleanTypeSchema.optional() });
export type ListKeysResponse = z.output<typeof ListKeysResponseSchema>;
export type ListKeysResponseWire = z.input<typeof ListKeysResponseSchema>;
export const ListResourceTagsRequestSchema = z.object({ KeyId: KeyIdTypeSchema, Limit: LimitTypeSchema.optional(), Marker: MarkerTypeSchema.optional() });
export type ListResourceTagsRequest = z.output<typeof ListResourceTagsRequestSchema>;
export type ListResourceTagsRequestWire = z.input<typeof ListResourceTagsRequestSchema>;
export const ListResourceTagsResponseSchema = z.object({ Tags: TagListSchema.optional(), NextMarker: MarkerTypeSchema.optional(), Truncated: BooleanTypeSchema.optional() });
export type ListResourceTagsResponse = z.output<typeof ListResourceTagsResponseSchema>;
export type ListResourceTagsResponseWire = z.input<typeof ListResourceTagsResponseSchema>;
export const ListRetirableGrantsRequestSchema = z.object({ Limit: LimitTypeSchema.optional(), Marker: MarkerTypeSchema.optional(), RetiringPrincipal: PrincipalIdTypeSchema });
export type ListRetirableGrantsRequest = z.output<typeof ListRetirableGrantsRequestSchema>;
export type ListRetirableGrantsRequestWire = z.input<typeof ListRetirableGrantsRequestSchema>;
export const PutKeyPolicyRequestSchema = z.object({ KeyId: KeyIdTypeSchema, PolicyName: PolicyNameTypeSchema.optional(), Policy: PolicyTypeSchema, BypassPolicyLockoutSafetyCheck: BooleanTypeSchema.optional() });
export type PutKeyPolicyRequest = z.output<typeof PutKeyPolicyRequestSchema>;
export type PutKeyPolicyRequestWire = z.input<typeof PutKeyPolicyRequestSchema>;
export const ReEncryptRequestSchema = z.object({ CiphertextBlob: CiphertextTypeSchema.optional(), SourceEncryptionContext: EncryptionContextTypeSchema.optional(), SourceKeyId: KeyIdTypeSchema.optional(), DestinationKeyId: KeyIdTypeSchema, DestinationEncryptionContext: EncryptionContextTypeSchema.optional(), SourceEncryptionAlgorithm: EncryptionAlgorithmSpecSchema.optional(), DestinationEncryptionAlgorithm: EncryptionAlgorithmSpecSchema.optional(), GrantTokens: GrantTokenListSchema.optional(), DryRun: NullableBooleanTypeSchema.optional(), DryRunModifiers: DryRunModifierListSchema.optional() });
export type ReEncryptRequest = z.output<typeof ReEncryptRequestSchema>;
export type ReEncryptRequestWire = z.input<typeof ReEncryptRequestSchema>;
export const ReEncryptResponseSchema = z.object({ CiphertextBlob: CiphertextTypeSchema.optional(), SourceKeyId: KeyIdTypeSchema.optional(), KeyId: KeyIdTypeSchema.optional(), SourceEncryptionAlgorithm: EncryptionAlgorithmSpecSchema.optional(), DestinationEncryptionAlgorithm: EncryptionAlgorithmSpecSchema.optional(), SourceKeyMaterialId: BackingKeyIdTypeSchema.optional(), DestinationKeyMaterialId: BackingKeyIdTypeSchema.optional() });
export type ReEncryptResponse = z.output<typeof ReEncryptResponseSchema>;
export type ReEncryptResponseWire = z.input<typeof ReEncryptResponseSchema>;
export const ReplicateKeyRequestSchema = z.object({ KeyId: KeyIdTypeSchema, ReplicaRegion: RegionTypeSchema, Policy: PolicyTypeSchema.optional(), BypassPolicyLockoutSafetyCheck: BooleanTypeSchema.optional(), Description: DescriptionTypeSchema.optional(), Tags: TagListSchema.optional() });
export type ReplicateKeyRequest = z.output<typeof ReplicateKeyRequestSchema>;
export type ReplicateKeyRequestWire = z.input<typeof ReplicateKeyRequestSchema>;
export const ReplicateKeyResponseSchema = z.object({ ReplicaKeyMetadata: KeyMetadataSchema.optional(), ReplicaPolicy: PolicyTypeSchema.optional(), ReplicaTags: TagListSchema.optional() });
export type ReplicateKeyResponse = z.output<typeof ReplicateKeyResponseSchema>;
export type ReplicateKeyResponseWire = z.input<typeof ReplicateKeyResponseSchema>;
export const RetireGrantRequestSchema = z.object({ GrantToken: GrantTokenTypeSchema.optional(), KeyId: KeyIdTypeSchema.optional(), GrantId: GrantIdTypeSchema.optional(), DryRun: NullableBooleanTypeSchema.optional() });
export type RetireGrantRequest = z.output<typeof RetireGrantRequestSchema>;
export type RetireGrantRequestWire = z.input<typeof RetireGrantRequestSchema>;
export const RevokeGrantRequestSchema = z.object({ KeyId: KeyIdTypeSchema, GrantId: GrantIdTypeSchema, DryRun: NullableBooleanTypeSchema.optional() });
export type RevokeGrantRequest = z.output<typeof RevokeGrantRequestSchema>;
export type RevokeGrantRequestWire = z.input<typeof RevokeGrantRequestSchema>;
export const RotateKeyOnDemandRequestSchema = z.object({ KeyId: KeyIdTypeSchema });
export type RotateKeyOnDemandRequest = z.output<typeof RotateKeyOnDemandRequestSchema>;
export type RotateKeyOnDemandRequestWire = z.input<typeof RotateKeyOnDemandRequestSchema>;
export const RotateKeyOnDemandResponseSchema = z.object({ KeyId: KeyIdTypeSchema.optional() });
export type RotateKeyOnDemandResponse = z.output<typeof RotateKeyOnDemandResponseSchema>;
export type RotateKeyOnDemandResponseWire = z.input<typeof RotateKeyOnDemandResponseSchema>;
export const ScheduleKeyDeletionRequestSchema = z.object({ KeyId: KeyIdTypeSchema, PendingWindowInDays: PendingWindowInDaysTypeSchema.optional() });
export type ScheduleKeyDeletionRequest = z.output<typeof ScheduleKeyDeletionRequestSchema>;
export type ScheduleKeyDeletionRequestWire = z.input<typeof ScheduleKeyDeletionRequestSchema>;
export const ScheduleKeyDeletionResponseSchema = z.object({ KeyId: KeyIdTypeSchema.optional(), DeletionDate: DateTypeSchema.optional(), KeyState: KeyStateSchema.optional(), PendingWindowInDays: PendingWindowInDaysTypeSchema.optional() });
export type ScheduleKeyDeletionResponse = z.output<typeof ScheduleKeyDeletionResponseSchema>;
export type ScheduleKeyDeletionResponseWire = z.input<typeof ScheduleKeyDeletionResponseSchema>;
export const MessageTypeSchema = z.enum(["RAW", "DIGEST", "EXTERNAL_MU"]);
export type MessageType = z.output<typeof MessageTypeSchema>;
export const SignRequestSchema = z.object({ KeyId: KeyIdTypeSchema, Message: PlaintextTypeSchema, MessageType: MessageTypeSchema.optional(), GrantTokens: GrantTokenListSchema.optional(), SigningAlgorithm: SigningAlgorithmSpecSchema, DryRun: NullableBooleanTypeSchema.optional() });
export type SignRequest = z.output<typeof SignRequestSchema>;
export type SignRequestWire = z.input<typeof SignRequestSchema>;
export const SignResponseSchema = z.object({ KeyId: KeyIdTypeSchema.optional(), Signature: CiphertextTypeSchema.optional(), SigningAlgorithm: SigningAlgorithmSpecSchema.optional() });
export type SignResponse = z.output<typeof SignResponseSchema>;
export type SignResponseWire = z.input<typeof SignResponseSchema>;
export const TagResourceRequestSchema = z.object({ KeyId: KeyIdTypeSchema, Tags: TagListSchema });
export type TagResourceRequest = z.output<typeof TagResourceRequestSchema>;
export type TagResourceRequestWire = z.input<typeof TagResourceRequestSchema>;
export const TagKeyListSchema = z.array(TagKeyTypeSchema);
export const UntagResourceRequestSchema = z.object({ KeyId: KeyIdTypeSchema, TagKeys: TagKeyListSchema });
export type UntagResourceRequest = z.output<typeof UntagResourceRequestSchema>;
export type UntagResourceRequestWire = z.input<typeof UntagResourceRequestSchema>;
export const UpdateAliasRequestSchema = z.object({ AliasName: AliasNameTypeSchema, TargetKeyId: KeyIdTypeSchema });
export type UpdateAliasRequest = z.output<typeof UpdateAliasRequestSchema>;
export type UpdateAliasRequestWire = z.input<typeof UpdateAliasRequestSchema>;
export const UpdateCustomKeyStoreRequestSchema = z.object({ CustomKeyStoreId: CustomKeyStoreIdTypeSchema, NewCustomKeyStoreName: CustomKeyStoreNameTypeSchema.optional(), KeyStorePassword: KeyStorePasswordTypeSchema.optional(), CloudHsmClusterId: CloudHsmClusterIdTypeSchema.optional(), XksProxyUriEndpoint: XksProxyUriEndpointTypeSchema.optional(), XksProxyUriPath: XksProxyUriPathTypeSchema.optional(), XksProxyVpcEndpointServiceName: XksProxyVpcEndpointServiceNameTypeSchema.optional(), XksProxyVpcEndpointServiceOwner: AccountIdTypeSchema.optional(), XksProxyAuthenticationCredential: XksProxyAuthenticationCredentialTypeSchema.optional(), XksProxyConnectivity: XksProxyConnectivityTypeSchema.optional() });
export type UpdateCustomKeyStoreRequest = z.output<typeof UpdateCustomKeyStoreRequestSchema>;
export type UpdateCustomKeyStoreRequestWire = z.input<typeof UpdateCustomKeyStoreRequestSchema>;
export const UpdateCustomKeyStoreResponseSchema = z.object({});
export type UpdateCustomKeyStoreResponse = z.output<typeof UpdateCustomKeyStoreResponseSchema>;
export type UpdateCustomKeyStoreResponseWire = z.input<typeof UpdateCustomKeyStoreResponseSchema>;
export const UpdateKeyDescriptionRequestSchema = z.object({ KeyId: KeyIdTypeSchema, Description: DescriptionTypeSchema });
export type UpdateKeyDescriptionRequest = z.output<typeof UpdateKeyDescriptionRequestSchema>;
export type UpdateKeyDescriptionRequestWire = z.input<typeof UpdateKeyDescriptionRequestSchema>;
export const UpdatePrimaryRegionRequestSchema = z.object({ KeyId: KeyIdTypeSchema, PrimaryRegion: RegionTypeSchema });
export type UpdatePrimaryRegionRequest = z.output<typeof UpdatePrimaryRegionRequestSchema>;
export type UpdatePrimaryRegionRequestWire = z.input<typeof UpdatePrimaryRegionRequestSchema>;
export const VerifyRequestSchema = z.object({ KeyId: KeyIdTypeSchema, Message: PlaintextTypeSchema, MessageType: MessageTypeSchema.optional(), Signature: CiphertextTypeSchema, SigningAlgorithm: SigningAlgorithmSpecSchema, GrantTokens: GrantTokenListSchema.optional(), DryRun: NullableBooleanTypeSchema.optional() });
export type VerifyRequest = z.output<typeof VerifyRequestSchema>;
export type VerifyRequestWire = z.input<typeof VerifyRequestSchema>;
export const VerifyResponseSchema = z.object({ KeyId: KeyIdTypeSchema.optional(), SignatureValid: BooleanTypeSchema.optional(), SigningAlgorithm: SigningAlgorithmSpecSchema.optional() });
export type VerifyResponse = z.output<typeof VerifyResponseSchema>;
export type VerifyResponseWire = z.input<typeof VerifyResponseSchema>;
export const VerifyMacRequestSchema = z.object({ Message: PlaintextTypeSchema, KeyId: KeyIdTypeSchema, MacAlgorithm: MacAlgorithmSpecSchema, Mac: CiphertextTypeSchema, GrantTokens: GrantTokenListSchema.optional(), DryRun: NullableBooleanTypeSchema.optional() });
export type VerifyMacRequest = z.output<typeof VerifyMacRequestSchema>;
export type VerifyMacRequestWire = z.input<typeof VerifyMacRequestSchema>;
export const VerifyMacResponseSchema = z.object({ KeyId: KeyIdTypeSchema.optional(), MacValid: BooleanTypeSchema.optional(), MacAlgorithm: MacAlgorithmSpecSchema.optional() });
export type VerifyMacResponse = z.output<typeof VerifyMacResponseSchema>;
export type VerifyMacResponseWire = z.input<typeof VerifyMacResponseSchema>;

/** The output schema of operations that answer with an empty body. */
export const EmptyOutputSchema = z.object({});

export const OPERATION_SCHEMAS = {
  CancelKeyDeletion: { input: CancelKeyDeletionRequestSchema, output: CancelKeyDeletionResponseSchema },
  ConnectCustomKeyStore: { input: ConnectCustomKeyStoreRequestSchema, output: ConnectCustomKeyStoreResponseSchema },
  CreateAlias: { input: CreateAliasRequestSchema, output: EmptyOutputSchema },
  CreateCustomKeyStore: { input: CreateCustomKeyStoreRequestSchema, output: CreateCustomKeyStoreResponseSchema },
  CreateGrant: { input: CreateGrantRequestSchema, output: CreateGrantResponseSchema },
  CreateKey: { input: CreateKeyRequestSchema, output: CreateKeyResponseSchema },
  Decrypt: { input: DecryptRequestSchema, output: DecryptResponseSchema },
  DeleteAlias: { input: DeleteAliasRequestSchema, output: EmptyOutputSchema },
  DeleteCustomKeyStore: { input: DeleteCustomKeyStoreRequestSchema, output: DeleteCustomKeyStoreResponseSchema },
  DeleteImportedKeyMaterial: { input: DeleteImportedKeyMaterialRequestSchema, output: DeleteImportedKeyMaterialResponseSchema },
  DeriveSharedSecret: { input: DeriveSharedSecretRequestSchema, output: DeriveSharedSecretResponseSchema },
  DescribeCustomKeyStores: { input: DescribeCustomKeyStoresRequestSchema, output: DescribeCustomKeyStoresResponseSchema },
  DescribeKey: { input: DescribeKeyRequestSchema, output: DescribeKeyResponseSchema },
  DisableKey: { input: DisableKeyRequestSchema, output: EmptyOutputSchema },
  DisableKeyRotation: { input: DisableKeyRotationRequestSchema, output: EmptyOutputSchema },
  DisconnectCustomKeyStore: { input: DisconnectCustomKeyStoreRequestSchema, output: DisconnectCustomKeyStoreResponseSchema },
  EnableKey: { input: EnableKeyRequestSchema, output: EmptyOutputSchema },
  EnableKeyRotation: { input: EnableKeyRotationRequestSchema, output: EmptyOutputSchema },
  Encrypt: { input: EncryptRequestSchema, output: EncryptResponseSchema },
  GenerateDataKey: { input: GenerateDataKeyRequestSchema, output: GenerateDataKeyResponseSchema },
  GenerateDataKeyPair: { input: GenerateDataKeyPairRequestSchema, output: GenerateDataKeyPairResponseSchema },
  GenerateDataKeyPairWithoutPlaintext: { input: GenerateDataKeyPairWithoutPlaintextRequestSchema, output: GenerateDataKeyPairWithoutPlaintextResponseSchema },
  GenerateDataKeyWithoutPlaintext: { input: GenerateDataKeyWithoutPlaintextRequestSchema, output: GenerateDataKeyWithoutPlaintextResponseSchema },
  GenerateMac: { input: GenerateMacRequestSchema, output: GenerateMacResponseSchema },
  GenerateRandom: { input: GenerateRandomRequestSchema, output: GenerateRandomResponseSchema },
  GetKeyLastUsage: { input: GetKeyLastUsageRequestSchema, output: GetKeyLastUsageResponseSchema },
  GetKeyPolicy: { input: GetKeyPolicyRequestSchema, output: GetKeyPolicyResponseSchema },
  GetKeyRotationStatus: { input: GetKeyRotationStatusRequestSchema, output: GetKeyRotationStatusResponseSchema },
  GetParametersForImport: { input: GetParametersForImportRequestSchema, output: GetParametersForImportResponseSchema },
  GetPublicKey: { input: GetPublicKeyRequestSchema, output: GetPublicKeyResponseSchema },
  ImportKeyMaterial: { input: ImportKeyMaterialRequestSchema, output: ImportKeyMaterialResponseSchema },
  ListAliases: { input: ListAliasesRequestSchema, output: ListAliasesResponseSchema },
  ListGrants: { input: ListGrantsRequestSchema, output: ListGrantsResponseSchema },
  ListKeyPolicies: { input: ListKeyPoliciesRequestSchema, output: ListKeyPoliciesResponseSchema },
  ListKeyRotations: { input: ListKeyRotationsRequestSchema, output: ListKeyRotationsResponseSchema },
  ListKeys: { input: ListKeysRequestSchema, output: ListKeysResponseSchema },
  ListResourceTags: { input: ListResourceTagsRequestSchema, output: ListResourceTagsResponseSchema },
  ListRetirableGrants: { input: ListRetirableGrantsRequestSchema, output: ListGrantsResponseSchema },
  PutKeyPolicy: { input: PutKeyPolicyRequestSchema, output: EmptyOutputSchema },
  ReEncrypt: { input: ReEncryptRequestSchema, output: ReEncryptResponseSchema },
  ReplicateKey: { input: ReplicateKeyRequestSchema, output: ReplicateKeyResponseSchema },
  RetireGrant: { input: RetireGrantRequestSchema, output: EmptyOutputSchema },
  RevokeGrant: { input: RevokeGrantRequestSchema, output: EmptyOutputSchema },
  RotateKeyOnDemand: { input: RotateKeyOnDemandRequestSchema, output: RotateKeyOnDemandResponseSchema },
  ScheduleKeyDeletion: { input: ScheduleKeyDeletionRequestSchema, output: ScheduleKeyDeletionResponseSchema },
  Sign: { input: SignRequestSchema, output: SignResponseSchema },
  TagResource: { input: TagResourceRequestSchema, output: EmptyOutputSchema },
  UntagResource: { input: UntagResourceRequestSchema, output: EmptyOutputSchema },
  UpdateAlias: { input: UpdateAliasRequestSchema, output: EmptyOutputSchema },
  UpdateCustomKeyStore: { input: UpdateCustomKeyStoreRequestSchema, output: UpdateCustomKeyStoreResponseSchema },
  UpdateKeyDescription: { input: UpdateKeyDescriptionRequestSchema, output: EmptyOutputSchema },
  UpdatePrimaryRegion: { input: UpdatePrimaryRegionRequestSchema, output: EmptyOutputSchema },
  Verify: { input: VerifyRequestSchema, output: VerifyResponseSchema },
  VerifyMac: { input: VerifyMacRequestSchema, output: VerifyMacResponseSchema },
} as const satisfies Record<OperationName, { input: z.ZodType; output: z.ZodType }>;

/** An operation's validated input: blobs as `Buffer`, timestamps as `Date`. */
export type OperationInput<O extends OperationName> = z.output<(typeof OPERATION_SCHEMAS)[O]['input']>;
/** An operation's input as JSON on the wire. */
export type OperationInputWire<O extends OperationName> = z.input<(typeof OPERATION_SCHEMAS)[O]['input']>;
/** An operation's result as a handler produces it: blobs as `Buffer`, timestamps as `Date`. */
export type OperationOutput<O extends OperationName> = z.output<(typeof OPERATION_SCHEMAS)[O]['output']>;
/** An operation's result as JSON on the wire. */
export type OperationOutputWire<O extends OperationName> = z.input<(typeof OPERATION_SCHEMAS)[O]['output']>;
