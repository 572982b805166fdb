/**
 * The report's view of a diff: one row per divergence. Pure; the report renderer shows it.
 *
 * @module
 */
import type { DiffFile } from './schema.js';

export interface DivergenceRow {
  id: string;
  operation: string;
  /** `status`, `members of KeyMetadata`, `value at KeyMetadata.KeyState`, ... */
  whatDiffers: string;
  a: string;
  b: string;
  /** Steps in the minimal sequence. */
  steps: number;
  occurrences: number;
}

const show = (v: unknown): string => {
  if (v === undefined) return '(absent)';
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

export function divergenceTable(diff: DiffFile): DivergenceRow[] {
  return diff.divergences.map((d) => {
    const f = d.first_difference;
    let whatDiffers: string = f.kind;
    let a = show(f.a);
    let b = show(f.b);
    if (f.kind === 'members') {
      whatDiffers = `members of ${f.path || 'the reply'}`;
      a = (f.a as string[]).length ? `has ${(f.a as string[]).join(', ')}` : '-';
      b = (f.b as string[]).length ? `has ${(f.b as string[]).join(', ')}` : '-';
    } else if (f.kind === 'status') {
      a = `${f.a} ${d.a.error?.code ?? 'ok'}`;
      b = `${f.b} ${d.b.error?.code ?? 'ok'}`;
    } else if (f.path) {
      whatDiffers = `${f.kind} at ${f.path}`;
    }
    return { id: d.id, operation: f.operation, whatDiffers, a, b, steps: d.steps.length, occurrences: d.occurrences };
  });
}
