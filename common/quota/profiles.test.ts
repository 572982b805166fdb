import { describe, expect, it } from 'vitest';
import { QUOTA_CLASS_IDS } from './classes.js';
import {
  BIG_THREE_REGIONS,
  PROFILES,
  PROFILE_NAMES,
  QuotaConfigError,
  SIX_REGIONS,
  applyOverrides,
  getProfile,
  parseOverrides,
  parseQuotaFile,
  parseQuotaFileText,
  profileForRegion,
  quotaFileJsonSchema,
  toQuotaFile,
} from './profiles.js';

describe('current profile', () => {
  it.each([
    ['eu-north-1', 10_000],
    ['sa-east-1', 10_000],
    ['us-east-2', 20_000],
    ['ap-southeast-1', 20_000],
    ['ap-southeast-2', 20_000],
    ['ap-northeast-1', 20_000],
    ['eu-central-1', 20_000],
    ['eu-west-2', 20_000],
    ['us-east-1', 100_000],
    ['us-west-2', 100_000],
    ['eu-west-1', 100_000],
  ])('symmetric in %s = %d/s', (region, rate) => {
    expect(profileForRegion(region).rates.symmetric).toBe(rate);
  });

  it('has every class in every Region, other classes not Region-dependent outside China', () => {
    for (const region of ['us-east-1', 'eu-north-1', 'cn-north-1']) {
      const p = profileForRegion(region);
      expect(Object.keys(p.rates).sort()).toEqual([...QUOTA_CLASS_IDS].sort());
      expect(p.rates.DescribeKey).toBe(2000);
      expect(p.burstSeconds).toBe(1);
    }
    expect(profileForRegion('us-east-1').rates['gdkp-rsa-2048']).toBe(20);
  });

  it('China Regions: lower RSA GenerateDataKeyPair quotas', () => {
    const cn = profileForRegion('cn-northwest-1').rates;
    expect([cn['gdkp-rsa-2048'], cn['gdkp-rsa-3072'], cn['gdkp-rsa-4096']]).toEqual([1, 0.5, 0.1]);
    expect(cn['gdkp-sm2']).toBe(25);
  });
});

describe('historical profiles', () => {
  it.each([
    ['legacy-2017', 'eu-north-1', 1200],
    ['legacy-2017', 'us-east-1', 1200],
    ['2018', 'eu-north-1', 5500],
    ['2018', 'us-east-1', 10_000],
    ['2018', 'us-east-2', 5500],
    ['tier-30k', 'eu-north-1', 5500],
    ['tier-30k', 'eu-central-1', 10_000],
    ['tier-30k', 'us-west-2', 30_000],
    ['tier-50k', 'eu-north-1', 5500],
    ['tier-50k', 'ap-northeast-1', 10_000],
    ['tier-50k', 'eu-west-1', 50_000],
  ])('%s: symmetric in %s = %d/s', (name, region, rate) => {
    expect(profileForRegion(region, name).rates.symmetric).toBe(rate);
  });

  it('legacy-2017 carries the 2017 control-plane table', () => {
    const r = profileForRegion('us-east-1', 'legacy-2017').rates;
    expect([r.DescribeKey, r.ListKeys, r.GetParametersForImport, r.RetireGrant]).toEqual([30, 5, 0.25, 15]);
  });

  it('tier-30k carries RSA 500 / ECC 300', () => {
    const r = profileForRegion('us-east-1', 'tier-30k').rates;
    expect([r.rsa, r.ecc, r['gdkp-rsa-4096']]).toEqual([500, 300, 0.1]);
  });

  it('every profile is complete and frozen', () => {
    for (const name of PROFILE_NAMES) {
      const p = getProfile(name);
      expect(Object.keys(p.rates).sort()).toEqual([...QUOTA_CLASS_IDS].sort());
      expect(Object.isFrozen(p.rates)).toBe(true);
      expect(p.sources.length).toBeGreaterThan(0);
    }
    expect(Object.keys(PROFILES)).toEqual(expect.arrayContaining(['current', 'legacy-2017', '2018', 'tier-30k', 'tier-50k']));
    expect(SIX_REGIONS).toHaveLength(6);
    expect(BIG_THREE_REGIONS).toHaveLength(3);
  });

  it('unknown profile names fail clearly', () => {
    expect(() => getProfile('2016')).toThrow(QuotaConfigError);
    expect(() => getProfile('2016')).toThrow(/known: .*current/);
    expect(() => getProfile('toString')).toThrow(QuotaConfigError);
  });
});

describe('overrides', () => {
  it('sets rates on a Region profile (case-insensitive class names, _ separators)', () => {
    const base = profileForRegion('us-east-1');
    const p = applyOverrides(base, ['symmetric=1000', 'describekey=7.5', 'GDKP-RSA-2048=100_000', 'burst-seconds=0.25']);
    expect(p.rates.symmetric).toBe(1000);
    expect(p.rates.DescribeKey).toBe(7.5);
    expect(p.rates['gdkp-rsa-2048']).toBe(100_000);
    expect(p.burstSeconds).toBe(0.25);
    expect(base.rates.symmetric).toBe(100_000); // input untouched
  });

  it('on a whole profile, replaces the rate in every Region', () => {
    const p = applyOverrides(getProfile('current'), ['symmetric=1000']);
    for (const region of ['us-east-1', 'us-east-2', 'eu-north-1']) expect(profileForRegion(region, p).rates.symmetric).toBe(1000);
    expect(profileForRegion('cn-north-1', p).rates['gdkp-rsa-2048']).toBe(1); // other Region values kept
  });

  it('0 is allowed (always throttle)', () => {
    expect(applyOverrides(profileForRegion('us-east-1'), ['CreateKey=0']).rates.CreateKey).toBe(0);
  });

  it.each([
    ['symetric=1000', /unknown quota class "symetric".*did you mean symmetric/],
    ['DescribeKeys=5', /did you mean DescribeKey/],
    ['custom=5', /unknown quota class "custom"/],
    ['symmetric', /expected CLASS=RATE/],
    ['=5', /expected CLASS=RATE/],
    ['symmetric=', /not a non-negative decimal number/],
    ['symmetric=-5', /not a non-negative decimal number/],
    ['symmetric=1e4', /not a non-negative decimal number/],
    ['symmetric=fast', /not a non-negative decimal number/],
    ['symmetric=20000000', /more than 10000000/],
    ['burst-seconds=0', /must be > 0/],
  ])('%s → error', (item, message) => {
    expect(() => parseOverrides([item])).toThrow(QuotaConfigError);
    expect(() => parseOverrides([item])).toThrow(message);
  });

  it('rejects the same class twice', () => {
    expect(() => parseOverrides(['symmetric=1', 'SYMMETRIC=2'])).toThrow(/overridden twice/);
  });
});

describe('quota file', () => {
  it('basedOn + partial rates + Region layer', () => {
    const p = parseQuotaFile({
      name: 'lab',
      basedOn: 'current',
      burstSeconds: 0.5,
      rates: { symmetric: 2000, DescribeKey: 10 },
      regions: { 'us-east-1': { symmetric: 4000 } },
    });
    expect(p.burstSeconds).toBe(0.5);
    expect(profileForRegion('us-east-1', p).rates.symmetric).toBe(4000);
    expect(profileForRegion('us-east-2', p).rates.symmetric).toBe(2000); // base tier dropped for an overridden class
    expect(profileForRegion('eu-north-1', p).rates.DescribeKey).toBe(10);
    expect(profileForRegion('cn-north-1', p).rates['gdkp-rsa-4096']).toBe(0.1);
  });

  it('round-trips every built-in profile', () => {
    for (const name of PROFILE_NAMES) {
      const p = getProfile(name);
      const back = parseQuotaFileText(JSON.stringify(toQuotaFile(p)));
      for (const region of ['us-east-1', 'eu-west-2', 'eu-north-1', 'cn-north-1']) expect(profileForRegion(region, back).rates).toEqual(profileForRegion(region, p).rates);
    }
  });

  it('lists every problem', () => {
    const bad = () => parseQuotaFile({ name: 'x', rates: { symmetric: -1, frobnicate: 3 }, regions: { Mars: {} }, extra: true });
    expect(bad).toThrow(QuotaConfigError);
    let msg = '';
    try {
      bad();
    } catch (e) {
      msg = (e as Error).message;
    }
    expect(msg).toMatch(/rates\.symmetric/);
    expect(msg).toMatch(/frobnicate/);
    expect(msg).toMatch(/regions/);
    expect(msg).toMatch(/extra/);
  });

  it('without basedOn every class is required', () => {
    expect(() => parseQuotaFile({ name: 'x', rates: { symmetric: 1 } })).toThrow(/without basedOn, rates must give every quota class/);
  });

  it('rejects non-JSON text', () => {
    expect(() => parseQuotaFileText('{name:')).toThrow(/not JSON/);
  });

  it('exports a JSON Schema of the file format', () => {
    const schema = quotaFileJsonSchema() as { $schema?: string; type?: string; properties?: Record<string, unknown>; required?: string[]; additionalProperties?: unknown };
    expect(schema.$schema).toMatch(/json-schema/);
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties ?? {})).toEqual(expect.arrayContaining(['name', 'basedOn', 'burstSeconds', 'rates', 'regions']));
    expect(schema.required).toEqual(['name']);
    expect(schema.additionalProperties).toBe(false);
    expect(JSON.stringify(schema)).toContain('"symmetric"');
  });
});
