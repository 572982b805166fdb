import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KeyStore } from '../store/store.js';
import { parseInjection, type InjectionSettings } from './injection-settings.js';
import { injectedError, Injector, planFor } from './injector.js';

const dir = mkdtempSync(join(tmpdir(), 'kmsbench-inject-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const storeWith = (settings: InjectionSettings) => {
  const store = new KeyStore({ path: join(dir, `s${n++}.sqlite`), coherence: 'notified' });
  const injector = new Injector(store);
  Injector.write(store, settings);
  return { store, injector };
};

/** Which of `calls` Encrypt calls the injector fails. */
function failing(injector: Injector, calls: number): number[] {
  const failed: number[] = [];
  for (let i = 0; i < calls; i++) if (injector.active && injector.decide('Encrypt')?.error === 'KMSInternalException') failed.push(i);
  return failed;
}

describe('the injector', () => {
  it('is off with no settings and decides nothing', () => {
    const { injector } = storeWith(parseInjection([]));
    expect(injector.active).toBe(false);
    expect(planFor(injector.current(), 'Encrypt')).toBeNull();
  });

  it('error=KMSInternalException:0.05 fails 3–7 % of 600 calls, the same calls on every run (seeded)', () => {
    const settings = parseInjection(['error=KMSInternalException:0.05']);
    const first = failing(storeWith(settings).injector, 600);
    expect(first.length).toBeGreaterThanOrEqual(18);
    expect(first.length).toBeLessThanOrEqual(42);
    expect(failing(storeWith(settings).injector, 600)).toEqual(first);
    expect(failing(storeWith(parseInjection(['error=KMSInternalException:0.05', 'seed=2'])).injector, 600)).not.toEqual(first);
  });

  it('statistically: over 300 seeds the failure fraction averages 5 % and 600 calls land in 3–7 % about 97 % of the time', () => {
    const { store, injector } = storeWith(parseInjection([]));
    const fractions: number[] = [];
    for (let seed = 1; seed <= 300; seed++) {
      Injector.write(store, parseInjection(['error=KMSInternalException:0.05', `seed=${seed}`])); // restarts the draws
      fractions.push(failing(injector, 600).length / 600);
    }
    const mean = fractions.reduce((s, f) => s + f, 0) / fractions.length;
    // Binomial(600, 0.05): sd of one fraction 0.0089, of the mean of 300 fractions 0.0005.
    expect(Math.abs(mean - 0.05)).toBeLessThan(0.002);
    const inside = fractions.filter((f) => f >= 0.03 && f <= 0.07).length / fractions.length;
    expect(inside).toBeGreaterThan(0.93);
    const sd = Math.sqrt(fractions.reduce((s, f) => s + (f - mean) ** 2, 0) / (fractions.length - 1));
    expect(sd).toBeGreaterThan(0.0089 * 0.8);
    expect(sd).toBeLessThan(0.0089 * 1.2);
  });

  it('applies op= rules to that operation only, and several codes in one draw', () => {
    const { injector } = storeWith(parseInjection(['error=DependencyTimeoutException:0.5,op=Decrypt', 'error=reset:0.5,op=Decrypt']));
    expect(injector.decide('Encrypt')).toBeUndefined();
    const codes = new Map<string, number>();
    for (let i = 0; i < 1000; i++) {
      const code = injector.decide('Decrypt')?.error ?? 'none';
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    expect([...codes.keys()].sort()).toEqual(['DependencyTimeoutException', 'reset']);
    expect(codes.get('reset')!).toBeGreaterThan(400);
    expect(injector.counters()['Decrypt|reset']).toBe(codes.get('reset'));
  });

  it('draws delays with the asked median and p99, labelled for the audit log', () => {
    const { injector } = storeWith(parseInjection(['latency=Encrypt:p50=20,p99=60']));
    const delays = Array.from({ length: 20_000 }, () => injector.decide('Encrypt')!.delayMs).sort((a, b) => a - b);
    expect(delays[10_000]!).toBeGreaterThan(19);
    expect(delays[10_000]!).toBeLessThan(21);
    expect(delays[19_800]!).toBeGreaterThan(54);
    expect(delays[19_800]!).toBeLessThan(66);
    expect(injector.decide('Encrypt')!.label).toMatch(/^latency=\d+\.\dms$/);
    expect(injector.decide('Decrypt')).toBeUndefined();
    expect(injector.counters()).toEqual({ 'Encrypt|latency': 20_001 });
  });

  it('a profile covers every operation; an explicit latency wins over it', () => {
    const s = parseInjection(['latency=Encrypt:p50=100,p99=100'], 'in-region');
    expect(Math.exp(planFor(s, 'Encrypt')!.latency!.mu)).toBeCloseTo(100);
    expect(Math.exp(planFor(s, 'Decrypt')!.latency!.mu)).toBeCloseTo(5);
    expect(Math.exp(planFor(s, 'CreateKey')!.latency!.mu)).toBeCloseTo(60);
  });

  it('picks up new settings written to the store, by itself or by another worker', () => {
    const { store, injector } = storeWith(parseInjection([]));
    expect(injector.active).toBe(false);
    Injector.write(store, parseInjection(['error=KMSInvalidStateException:1']));
    expect(injector.active).toBe(true);
    expect(injector.decide('Encrypt')?.error).toBe('KMSInvalidStateException');
    // Another process's write: visible after the store is told (invalidate) and synced.
    const other = new KeyStore({ path: store.db.name, coherence: 'notified' });
    Injector.write(other, parseInjection([]));
    expect(injector.active).toBe(true);
    store.invalidate();
    store.sync();
    expect(injector.active).toBe(false);
  });

  it('injected errors are AWS-shaped, with the API reference’s wording', () => {
    const e = injectedError('DependencyTimeoutException');
    expect([e.code, e.status]).toEqual(['DependencyTimeoutException', 503]);
    expect(e.toJSON()).toEqual({ __type: 'DependencyTimeoutException', message: 'The system timed out while trying to fulfill the request. You can retry the request.' });
    expect(injectedError('KMSInternalException').status).toBe(500);
    expect(injectedError('KMSInvalidStateException').status).toBe(400);
  });
});
