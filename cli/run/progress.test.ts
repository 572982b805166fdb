import { describe, expect, it } from 'vitest';
import { progressLine } from './progress.js';

describe('progress line', () => {
  it('step, detail, elapsed and what is left', () => {
    expect(progressLine({ step: 2, steps: 4, name: 'load latency', detail: 'Decrypt 1 KiB (operation 3/7)  offered 200/s', elapsedMs: 65_400, remainingMs: 31_000 })).toBe(
      '[2/4 load latency] Decrypt 1 KiB (operation 3/7)  offered 200/s  elapsed 1:05, ~0:31 left',
    );
    expect(progressLine({ step: 1, steps: 2, name: 'conformance', detail: '', elapsedMs: 0, remainingMs: null })).toBe('[1/2 conformance]   elapsed 0:00');
  });
});
