import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { slope, writeSoakReport, type SoakResult } from './soak.js';

describe('soak verdict and report', () => {
  it('slope is the least-squares fit', () => {
    expect(slope([[0, 1], [1, 3], [2, 5]])).toBeCloseTo(2);
    expect(slope([[0, 5], [1, 4], [2, 6], [3, 5]])).toBeCloseTo(0.2);
    expect(slope([[1, 1]])).toBe(0);
  });

  it('writes soak.json and a self-contained soak.html with one SVG chart per series', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmsbench-soak-report-'));
    const r: SoakResult = {
      minutes: 1, rate: 100, warmupSeconds: 12, rssSlopeMiBPerMin: 0.5, fdSlopePerMin: 0, requests: 600, errors: 0, pass: true,
      samples: [10, 20, 30, 40, 50, 60].map((t) => ({ atSeconds: t, requests: 100, throughput: 100, p99Ms: 3, errors: 0, rssMiB: 200 + t / 60, fds: 40 })),
    };
    try {
      const files = writeSoakReport(dir, r);
      expect(JSON.parse(readFileSync(files.json, 'utf8'))).toEqual(r);
      const html = readFileSync(files.html, 'utf8');
      expect(html.match(/<svg/g)).toHaveLength(4);
      expect(html).toContain('PASS: RSS slope after warm-up 0.5 MiB/min');
      expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
