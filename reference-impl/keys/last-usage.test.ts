import { describe, expect, it } from 'vitest';
import { KeyStore } from '../store/store.js';
import { KeyUsageTracker } from './last-usage.js';

describe('KeyUsageTracker', () => {
  it('answers a use from memory before it is flushed, and from the store after', () => {
    const store = new KeyStore({ path: ':memory:' });
    const tracker = new KeyUsageTracker(store);
    const eventId = tracker.record('k1', 'Encrypt', 1000, 'req-1');
    expect(tracker.last('k1')).toEqual({ operation: 'Encrypt', at: 1000, requestId: 'req-1', eventId });
    expect(store.getKeyLastUsage('k1')).toBeUndefined();
    tracker.flush();
    expect(store.getKeyLastUsage('k1')).toEqual({ operation: 'Encrypt', at: 1000, requestId: 'req-1', eventId });
    // Another process's tracker over the same store sees the flushed use.
    expect(new KeyUsageTracker(store).last('k1')?.operation).toBe('Encrypt');
  });

  it('keeps the later use, in memory and in the store', () => {
    const store = new KeyStore({ path: ':memory:' });
    const a = new KeyUsageTracker(store);
    const b = new KeyUsageTracker(store);
    b.record('k1', 'Sign', 2000, 'req-b');
    b.flush();
    a.record('k1', 'Verify', 1500, 'req-a'); // older than what another worker already stored
    expect(a.last('k1')?.operation).toBe('Sign');
    a.flush();
    expect(store.getKeyLastUsage('k1')?.operation).toBe('Sign');
    a.record('k1', 'Decrypt', 3000, 'req-c');
    a.record('k1', 'Encrypt', 2500, 'req-d'); // out of order: the later one stays
    expect(a.last('k1')?.operation).toBe('Decrypt');
  });

  it('marks the start of tracking once per data directory', () => {
    const store = new KeyStore({ path: ':memory:' });
    const tracker = new KeyUsageTracker(store);
    expect(tracker.trackingStart()).toBeUndefined();
    tracker.start(5000);
    tracker.start(9000);
    expect(tracker.trackingStart()).toBe(5000);
  });

  it('forgets the use of a deleted key', () => {
    const store = new KeyStore({ path: ':memory:' });
    const tracker = new KeyUsageTracker(store);
    tracker.record('k1', 'GenerateMac', 1, 'r');
    tracker.flush();
    store.write(() => store.deleteKey('k1'));
    expect(store.getKeyLastUsage('k1')).toBeUndefined();
  });
});
