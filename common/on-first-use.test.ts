import { describe, expect, it } from 'vitest';
import { OnFirstUse } from './on-first-use.js';

describe('OnFirstUse', () => {
  it('loads once for any number of concurrent users, then answers synchronously', async () => {
    let loads = 0;
    const lazy = new OnFirstUse(async () => ({ n: ++loads }));
    expect(lazy.current).toBeUndefined();
    const [a, b] = await Promise.all([lazy.load(), lazy.load()]);
    expect(a).toBe(b);
    expect(loads).toBe(1);
    expect(lazy.current).toBe(a);
    const now = lazy.with((v) => v.n * 10);
    expect(now).toBe(10); // not a Promise: the value was there
  });

  it('waits for the load when the value is not there yet', async () => {
    const lazy = new OnFirstUse(async () => 7);
    const later = lazy.with((v) => v + 1);
    expect(later).toBeInstanceOf(Promise);
    expect(await later).toBe(8);
  });

  it('forgets a failed load, so the next use tries again', async () => {
    let attempt = 0;
    const lazy = new OnFirstUse(async () => {
      if (++attempt === 1) throw new Error('first load fails');
      return 'ok';
    });
    await expect(lazy.load()).rejects.toThrow('first load fails');
    expect(lazy.current).toBeUndefined();
    expect(await lazy.load()).toBe('ok');
    expect(attempt).toBe(2);
  });
});
