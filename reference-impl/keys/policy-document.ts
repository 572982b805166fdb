/**
 * Key policies: the default policy KMS attaches, and the checks PutKeyPolicy/CreateKey apply
 * to a policy document before storing it. Enforcement (evaluating statements for a request)
 * lives in the authorization stage.
 *
 * @module
 */
import { MalformedPolicyDocumentException } from '../errors.js';

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

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: unknown;
  NotPrincipal?: unknown;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
}

export interface PolicyDocument {
  Version?: string;
  Id?: string;
  Statement: PolicyStatement[];
}

const malformed = (detail?: string): never => {
  throw new MalformedPolicyDocumentException(detail ?? 'The new key policy will not allow you to update the key policy in the future.');
};

const isStringOrStrings = (v: unknown): boolean =>
  typeof v === 'string' || (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string'));

/**
 * Parses and checks a key policy document; returns it parsed.
 * @throws MalformedPolicyDocumentException for anything KMS would refuse.
 */
export function parseKeyPolicy(text: string): PolicyDocument {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    // AWS answers a policy that is not JSON with the bare code (aws-observed.md 6.4).
    return malformed('');
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return malformed('Policy document must be a JSON object.');
  const d = doc as Record<string, unknown>;
  if (d.Version !== undefined && d.Version !== '2012-10-17' && d.Version !== '2008-10-17') {
    return malformed('Policy document has an unsupported Version.');
  }
  const raw = d.Statement;
  const statements = Array.isArray(raw) ? raw : raw !== undefined ? [raw] : [];
  if (statements.length === 0) return malformed('Policy document must contain at least one statement.');
  for (const s of statements) {
    if (typeof s !== 'object' || s === null || Array.isArray(s)) return malformed('Policy statement must be a JSON object.');
    const st = s as Record<string, unknown>;
    if (st.Effect !== 'Allow' && st.Effect !== 'Deny') return malformed('Policy statement has an invalid Effect.');
    if ((st.Action === undefined) === (st.NotAction === undefined)) return malformed('Policy statement must contain exactly one of Action or NotAction.');
    const action = st.Action ?? st.NotAction;
    if (!isStringOrStrings(action)) return malformed('Policy statement has an invalid Action.');
    if ((st.Principal === undefined) === (st.NotPrincipal === undefined)) {
      return malformed('Policy statement must contain exactly one of Principal or NotPrincipal.');
    }
    const resource = st.Resource ?? st.NotResource;
    if (resource !== undefined && !isStringOrStrings(resource)) return malformed('Policy statement has an invalid Resource.');
  }
  return { ...(d as object), Statement: statements as PolicyStatement[] } as PolicyDocument;
}
