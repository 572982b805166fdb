/**
 * The injection counters as Prometheus text, after the quota metrics on `/_kmsbench/metrics`:
 * `kmsbench_injected_total{operation="Encrypt",kind="latency"} 42`, kind being `latency` or the
 * injected error (`KMSInternalException`, …, `reset`). Nothing when nothing was injected.
 *
 * @module
 */

const label = (v: string) => v.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));

export function injectionPrometheusText(counts: Record<string, number>): string {
  const entries = Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1));
  if (entries.length === 0) return '';
  const lines = ['# HELP kmsbench_injected_total Calls delayed or failed on purpose (--inject), by operation and kind.', '# TYPE kmsbench_injected_total counter'];
  for (const [key, n] of entries) {
    const [operation, kind] = key.split('|');
    lines.push(`kmsbench_injected_total{operation="${label(operation ?? '')}",kind="${label(kind ?? '')}"} ${n}`);
  }
  return lines.join('\n') + '\n';
}
