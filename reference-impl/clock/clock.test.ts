import { describe, expect, it } from 'vitest';
import { OffsetClock } from './clock.js';
import { parseDuration } from '../../common/duration.js';

describe('parseDuration', () => {
  it.each([
    ['8d', 8 * 86_400_000],
    ['36h', 36 * 3_600_000],
    ['1d12h', 36 * 3_600_000],
    ['90m', 90 * 60_000],
    ['1.5s', 1500],
    ['250ms', 250],
    ['2w', 14 * 86_400_000],
    ['30', 30_000],
  ])('%s', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', 'd', '8x', '8d junk', '-1d'])('rejects %j', (text) => expect(parseDuration(text)).toBeUndefined());
});

describe('OffsetClock', () => {
  it('adds the shared offset to wall time', () => {
    let offset = 0;
    const clock = new OffsetClock(() => offset, () => 1_000);
    expect(clock.now()).toBe(1_000);
    offset = 86_400_000;
    expect(clock.now()).toBe(86_401_000);
  });
});
