import { describe, expect, it } from 'vitest';
import { missingCapability } from './case-plan.js';
import { defineCase } from './case.js';
import type { Capability, ProbeResult } from '../target/capabilities.js';

const doc = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Sign.html';
const signCase = defineCase({
  id: 'test.needs-sign',
  title: 'needs Sign',
  doc,
  source: { kind: 'documented', cite: doc, verifiedAt: '2026-12-07' },
  tags: ['sign-verify'],
  ops: ['Sign'],
  async run() {},
});

function probe(supported: boolean): { capabilities: Set<Capability>; probe: ProbeResult } {
  const capabilities = new Set<Capability>(supported ? ['op:Sign'] : []);
  const evidence = supported ? 'HTTP 400 ValidationException' : 'HTTP 400 UnsupportedOperationException';
  return { capabilities, probe: { capabilities, account: '111122223333', probes: { 'op:Sign': { supported, evidence } }, durationMs: 1 } };
}

describe('missingCapability', () => {
  it('marks a case whose operation the endpoint does not implement unsupported, naming the probe evidence', () => {
    const { capabilities, probe: p } = probe(false);
    expect(missingCapability(signCase, capabilities, p, 'other')).toEqual({ outcome: 'unsupported', reason: 'the endpoint does not implement Sign (probe: HTTP 400 UnsupportedOperationException)' });
  });

  it('runs it where the operation is implemented', () => {
    const { capabilities, probe: p } = probe(true);
    expect(missingCapability(signCase, capabilities, p, 'other')).toBeUndefined();
  });
});
