/**
 * The caller of a request as authentication establishes it (auth/ builds one per access key) and
 * the authorize stage judges it (authz/principal.ts matches it against policies): its ARN, account,
 * and for an assumed-role session its role. Read from the principal ARN alone, so the server needs
 * no part of the policy engine to know who is calling.
 *
 * @module
 */

export interface CallerPrincipal {
  /** As authenticated: user ARN, account root ARN, assumed-role session ARN or federated-user ARN. */
  readonly arn: string;
  readonly account: string;
  /** For an assumed-role session: `account:roleName` of its role, and the role ARN without path. */
  readonly roleKey?: string;
  readonly roleArn?: string;
  readonly isRoot: boolean;
  /** An AWS service principal (e.g. `dynamodb.amazonaws.com`) calling on its own behalf. */
  readonly service?: string;
}

/** A principal ARN: partition, iam|sts, account, and the rest (root, user/…, role/…, assumed-role/ROLE/SESSION, federated-user/…). */
export const PRINCIPAL_ARN = /^arn:(aws[a-z-]*):(iam|sts)::(\d{12}):(root|user\/.+|role\/.+|assumed-role\/[^/]+\/[^/]+|federated-user\/.+)$/;

/** Reads the caller from its ARN. @throws Error when the ARN is not a principal ARN. */
export function callerPrincipal(arn: string, service?: string): CallerPrincipal {
  const m = PRINCIPAL_ARN.exec(arn);
  if (m === null) throw new Error(`not a principal ARN: ${arn}`);
  const [, partition, , account, rest] = m;
  if (rest.startsWith('assumed-role/')) {
    const role = rest.split('/')[1];
    return { arn, account, roleKey: `${account}:${role}`, roleArn: `arn:${partition}:iam::${account}:role/${role}`, isRoot: false, service };
  }
  // A role signing as itself (a configuration shortcut; AWS callers are always sessions): it is its role.
  if (rest.startsWith('role/')) return { arn, account, roleKey: `${account}:${rest.slice(rest.lastIndexOf('/') + 1)}`, roleArn: arn, isRoot: false, service };
  return { arn, account, isRoot: rest === 'root', service };
}
