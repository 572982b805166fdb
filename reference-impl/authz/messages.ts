/**
 * AWS's wording for authorization answers: AccessDeniedException texts and the
 * MalformedPolicyDocumentException texts of policy checks.
 *
 * Lines marked INFERRED have no captured AWS text; they say what we answer instead.
 *
 * @module
 */

export const malformedMsg = {
  /** aws-observed.md 6.4 (many captures, e.g. cookiecutter-openedx/cookiecutter-openedx-devops#62). */
  invalidPrincipals: 'Policy contains a statement with one or more invalid principals.',
  /** terraform-aws-modules/terraform-aws-eks#2163 (CreateKey with an empty principal list). */
  noPrincipal: 'Policy contains a statement with no principal.',
  /** aws-observed.md 6.4 (terraform-provider-aws acceptance tests). */
  lockout: 'The new key policy will not allow you to update the key policy in the future.',
  /** aws-observed.md 6.4: a policy that is not JSON gets the bare code (aws/aws-sdk-ruby#1784). */
  notJson: '',
  /**
   * https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-encryption-context
   * ("If you create or update a policy that includes a ForAllValues set operator with the
   * kms:EncryptionContext:context-key, AWS KMS returns the following error message").
   */
  forAllValuesEncryptionContext:
    'OverlyPermissiveCondition:EncryptionContext: Using the ForAllValues set operator with a single-valued condition key matches requests without the specified encryption context or with an unspecified encryption context. To fix, remove ForAllValues.',
  /** INFERRED from the encryption-context text above: the same page names aws:RequestTag/tag-key too. */
  forAllValuesRequestTag:
    'OverlyPermissiveCondition:RequestTag: Using the ForAllValues set operator with a single-valued condition key matches requests without the specified tag or with an unspecified tag. To fix, remove ForAllValues.',
  /** IAM's answer for a principal in an identity policy (hashicorp/terraform-provider-aws#10419). */
  principalInIdentityPolicy: 'Policy document should not specify a principal.',
  // The wordings below are kmsbench's own (not captured from AWS).
  notObject: 'Policy document must be a JSON object.',
  version: 'Policy document has an unsupported Version.',
  noStatement: 'Policy document must contain at least one statement.',
  statementNotObject: 'Policy statement must be a JSON object.',
  effect: 'Policy statement has an invalid Effect.',
  actionAndNotAction: 'Policy statement must contain exactly one of Action or NotAction.',
  action: 'Policy statement has an invalid Action.',
  principalAndNotPrincipal: 'Policy statement must contain exactly one of Principal or NotPrincipal.',
  resource: 'Policy statement has an invalid Resource.',
  // INFERRED: no AWS capture for these.
  resourceAndNotResource: 'Policy statement must contain at most one of Resource or NotResource.',
  conditionBlock: 'Policy statement has an invalid Condition.',
  conditionOperator: (op: string) => `Policy statement has an invalid condition operator: ${op}.`,
  conditionValue: 'Policy statement has an invalid condition value.',
} as const;

/** Why a request was refused; see {@link accessDeniedMessage}. */
export type DenialReason =
  | 'explicit-deny-resource'
  | 'explicit-deny-identity'
  | 'no-resource-allow'
  | 'no-identity-allow'
  /** Caller in another account: the key policy does not let it in (or the operation is not cross-account). */
  | 'cross-account';

export interface DenialMessageInput {
  /** The caller's ARN as authenticated (an assumed-role session ARN, not the role ARN). */
  principalArn: string;
  /** IAM action, e.g. `kms:Encrypt`. */
  action: string;
  /** Key ARN, alias ARN, or `*`. */
  resource: string;
  reason: DenialReason;
  /** Decrypt / ReEncrypt without a KeyId: AWS names "the resource associated with this ciphertext". */
  ciphertext?: boolean;
}

/**
 * The AccessDeniedException message. Shapes:
 * - no identity allow: `User: <arn> is not authorized to perform: kms:GenerateDataKey on resource: <key-arn> because no identity-based policy allows the kms:GenerateDataKey action`
 *   (aws-observed.md X1, e.g. aws/copilot-cli#5500; alias resource: aws-samples/eks-workshop-v2#1177);
 * - no key-policy allow: `... because no resource-based policy allows the kms:Decrypt action`
 *   (aws-observed.md X2; jbrt/ec2cryptomatic#26, aws-ia/terraform-aws-eks-blueprints#485);
 * - explicit deny in the key policy: `... on resource: <key-arn> with an explicit deny in a resource-based policy`
 *   (aws/aws-nitro-enclaves-sdk-c#157, a raw KMS Decrypt answer);
 * - explicit deny in an identity policy: `... with an explicit deny in an identity-based policy`
 *   (IAM's shape, https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html; no KMS capture);
 * - caller in another account: `... on this resource because the resource does not exist in this Region, no resource-based policies allow access, or a resource-based policy explicitly denies access`
 *   (aws-observed.md X4);
 * - ciphertext without KeyId: `... on the resource associated with this ciphertext because ...` (aws-observed.md X3).
 */
export function accessDeniedMessage(m: DenialMessageInput): string {
  const head = `User: ${m.principalArn} is not authorized to perform: ${m.action}`;
  if (m.reason === 'cross-account') {
    const on = m.ciphertext ? 'on the resource associated with this ciphertext' : 'on this resource';
    return `${head} ${on} because the resource does not exist in this Region, no resource-based policies allow access, or a resource-based policy explicitly denies access`;
  }
  const on = m.ciphertext ? 'on the resource associated with this ciphertext' : `on resource: ${m.resource}`;
  switch (m.reason) {
    case 'explicit-deny-resource':
      return `${head} ${on} with an explicit deny in a resource-based policy`;
    case 'explicit-deny-identity':
      return `${head} ${on} with an explicit deny in an identity-based policy`;
    case 'no-resource-allow':
      return `${head} ${on} because no resource-based policy allows the ${m.action} action`;
    case 'no-identity-allow':
      return `${head} ${on} because no identity-based policy allows the ${m.action} action`;
  }
}
