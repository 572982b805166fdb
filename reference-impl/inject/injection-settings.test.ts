import { describe, expect, it } from 'vitest';
import { injectionItems, injectsAnything, InjectionConfigError, NO_INJECTION, parseInjection, settingsFromJson } from './injection-settings.js';
import { latencyClassOf, LATENCY_PROFILES, profileLatency } from './latency-profiles.js';

describe('--inject items', () => {
  it('reads latency, errors (with and without op=), the seed and a profile', () => {
    const s = parseInjection(['latency=Encrypt:p50=20,p99=60', 'error=KMSInternalException:0.05', 'error=reset:0.01,op=Decrypt', 'seed=42'], 'in-region');
    expect(s).toEqual({
      latency: { Encrypt: { p50: 20, p99: 60 } },
      errors: [
        { code: 'KMSInternalException', rate: 0.05 },
        { code: 'reset', rate: 0.01, operation: 'Decrypt' },
      ],
      seed: 42,
      profile: 'in-region',
    });
    expect(injectsAnything(s)).toBe(true);
    expect(injectsAnything(NO_INJECTION)).toBe(false);
    expect(injectsAnything(parseInjection(['error=KMSInternalException:0']))).toBe(false);
    expect(parseInjection(['latency=*:p50=1,p99=2']).latency).toEqual({ '*': { p50: 1, p99: 2 } });
  });

  it('says what is wrong with a bad item', () => {
    const bad: [string[], RegExp][] = [
      [['latency=Encrypt:p50=20'], /p99 must be milliseconds/],
      [['latency=Encrypt:p50=60,p99=20'], /p99 \(20\) must not be below p50 \(60\)/],
      [['latency=Encryptt:p50=1,p99=2'], /unknown operation 'Encryptt'/],
      [['latency=Encrypt:p50=0,p99=2'], /p50 must be milliseconds above 0/],
      [['error=ThrottlingException:0.1'], /error must be one of KMSInternalException, DependencyTimeoutException, KMSInvalidStateException, reset/],
      [['error=KMSInternalException:5'], /fraction from 0 to 1/],
      [['error=KMSInternalException:0.1,key=x'], /expected op=OPERATION/],
      [['error=KMSInternalException:0.6', 'error=DependencyTimeoutException:0.6,op=Encrypt'], /error rates for Encrypt add up to 1.2/],
      [['seed=-1'], /whole number/],
      [['delay=5'], /expected latency=OP/],
    ];
    for (const [items, message] of bad) expect(() => parseInjection(items), items.join(' ')).toThrow(message);
    expect(() => parseInjection([], 'moon')).toThrow(new InjectionConfigError("unknown latency profile 'moon' (profiles: in-region, cross-region)"));
  });

  it('round-trips through the store’s JSON and the item list', () => {
    const s = parseInjection(['latency=Decrypt:p50=3,p99=9', 'error=DependencyTimeoutException:0.2,op=Encrypt', 'seed=9'], 'cross-region');
    expect(settingsFromJson(JSON.stringify(s))).toEqual(s);
    expect(parseInjection(injectionItems(s), s.profile)).toEqual(s);
    expect(settingsFromJson('{"errors":[{"code":"Nope","rate":1}]}')).toBeUndefined();
    expect(settingsFromJson('not json')).toBeUndefined();
  });
});

describe('latency profiles', () => {
  it('give every operation class a p50 below its p99, all marked as estimates', () => {
    for (const p of Object.values(LATENCY_PROFILES)) {
      for (const c of Object.values(p.classes)) {
        expect(c.p50).toBeGreaterThan(0);
        expect(c.p99).toBeGreaterThanOrEqual(c.p50);
        expect(c.basis).toBe('estimate');
      }
    }
  });

  it('class operations by what they do', () => {
    expect(latencyClassOf('Encrypt')).toBe('symmetric');
    expect(latencyClassOf('Sign')).toBe('asymmetric');
    expect(latencyClassOf('GenerateDataKeyPair')).toBe('data-key-pair');
    expect(latencyClassOf('DescribeKey')).toBe('read');
    expect(latencyClassOf('ListAliases')).toBe('read');
    expect(latencyClassOf('TagResource')).toBe('write');
    expect(profileLatency(LATENCY_PROFILES['in-region']!, 'CreateKey')).toMatchObject({ p50: 60, p99: 250 });
  });
});
