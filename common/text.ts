/**
 * Text helpers for messages and evidence strings.
 *
 * @module
 */

/** `s` cut to at most `n` characters, an ellipsis marking the cut. */
export function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
