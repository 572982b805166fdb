/**
 * The grant record the store keeps and the authorization stage reads (authz/grants.ts holds
 * what grants mean). Times are epoch milliseconds on the server's clock.
 *
 * @module
 */
import type { GrantOperation } from '../../common/model/schemas.js';

export interface GrantConstraints {
  EncryptionContextSubset?: Record<string, string>;
  EncryptionContextEquals?: Record<string, string>;
}

export interface GrantRecord {
  /** 64 hex characters. */
  grantId: string;
  /** Key ARN of the one key the grant is for. */
  keyArn: string;
  granteePrincipal: string;
  retiringPrincipal?: string;
  operations: GrantOperation[];
  constraints?: GrantConstraints;
  name?: string;
  /** ARN of the account root that created the grant, e.g. `arn:aws:iam::111122223333:root`. */
  issuingAccount: string;
  /** Epoch ms. */
  creationDate: number;
}

/** The key id inside a key ARN (`arn:aws:kms:REGION:ACCOUNT:key/ID`). */
export const keyIdOfArn = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1);
