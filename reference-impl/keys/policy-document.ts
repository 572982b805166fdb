/**
 * Key policies: the default policy KMS attaches and the size limit. Parsing, checking and
 * enforcing policies is the engine's (authz/document.ts, authz/lockout.ts, authz/evaluate.ts).
 *
 * @module
 */

/** Maximum policy document size in bytes (facts sheet: 32 KB). */
export const MAX_POLICY_BYTES = 32 * 1024;

/**
 * The default key policy of a key created through the API without a policy, formatted the
 * way KMS returns it from GetKeyPolicy.
 */
export function defaultKeyPolicy(account: string): string {
  return `{
  "Version" : "2012-10-17",
  "Id" : "key-default-1",
  "Statement" : [ {
    "Sid" : "Enable IAM User Permissions",
    "Effect" : "Allow",
    "Principal" : {
      "AWS" : "arn:aws:iam::${account}:root"
    },
    "Action" : "kms:*",
    "Resource" : "*"
  } ]
}`;
}
