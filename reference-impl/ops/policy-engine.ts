/**
 * The authorize stage (./authorize.ts) and the policy engine under it (authz/), loaded on the
 * first request that needs an authorization decision, not at start: a server that has only
 * answered its health check has loaded neither. The pipeline waits for {@link authorizeStage}
 * before the first such request reaches the stage (never skipping it); every later request finds
 * it loaded and pays one property read. Handlers run after the stage, so the policy checks they
 * make (a key policy about to be attached) find the engine loaded ({@link loadedAuthorizeStage}).
 *
 * @module
 */
import { OnFirstUse } from '../../common/on-first-use.js';
import { KMSInternalException } from '../errors.js';
import type * as AuthorizeModule from './authorize.js';
import type { AuditNotes } from './context.js';

export type AuthorizeStage = typeof AuthorizeModule;

/** The authorize stage's module, loaded once on first need. */
export const authorizeStage = new OnFirstUse<AuthorizeStage>(() => import('./authorize.js'));

/** The authorize stage's module, for code that runs after the pipeline's authorize stage. */
export function loadedAuthorizeStage(): AuthorizeStage {
  const stage = authorizeStage.current;
  // Unreachable on the request path (the pipeline loads it before any operation runs): refuse
  // rather than skip a policy check.
  if (stage === undefined) throw new KMSInternalException('the authorize stage is not loaded');
  return stage;
}

/** How the audit log names the statement that decided: `key-policy:<Sid>`, `identity[0]:#2`, `grant:<id>`. */
export function decidedBy(notes: AuditNotes): string | undefined {
  const s = notes.authz?.decidingStatement;
  if (s === undefined) return undefined;
  if (s.source === 'grant') return `grant:${notes.grantId ?? s.index}`;
  const where = s.source === 'identity' ? `identity[${s.policyIndex ?? 0}]` : 'key-policy';
  return `${where}:${s.sid ?? `#${s.index}`}`;
}
