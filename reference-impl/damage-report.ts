/**
 * One stderr line per damaged thing (a key record, a sealed key version, an alias), the first
 * time this process meets it: the operator learns which key is damaged and why, while the client
 * gets a bare `KMSInternalException`, and a client retrying a damaged key does not flood the log.
 *
 * @module
 */

const reported = new Set<string>();
/** Past this many distinct subjects, further ones are still reported but no longer remembered. */
const MAX_REMEMBERED = 10_000;

/** Writes `kmsbench: <line>` to stderr unless `subject` was reported before. Never throws. */
export function reportDamage(subject: string, line: string): void {
  if (reported.has(subject)) return;
  if (reported.size < MAX_REMEMBERED) reported.add(subject);
  try {
    process.stderr.write(`kmsbench: ${line}\n`);
  } catch {
    // Nowhere to report to.
  }
}
