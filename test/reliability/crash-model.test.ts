import { describe, expect, it } from 'vitest';
import { judge, viewOf, type LaneModel, type Write } from './crash-model.js';

const lane = (): LaneModel => ({
  lane: 0,
  keys: [{ id: 'k1', description: 'd', state: 'Enabled', tags: { lane: '0' }, rotation: false, rotations: 0 }],
  retired: [],
  aliases: { 'alias/lane-0-a': 'k1' },
  ciphertexts: [],
  created: 1,
});
const tag: Write = { op: 'TagResource', body: {}, apply: (m) => Object.assign(m.keys[0]!.tags, { t0: 'v', u0: 'w' }) };

describe('judge (the crash check)', () => {
  it('accepts the acknowledged state, and the in-flight write applied whole', () => {
    expect(judge(lane(), tag, viewOf(lane())).matched).toBe('acked');
    const after = lane();
    tag.apply(after);
    expect(judge(lane(), tag, viewOf(after)).matched).toBe('inflight');
  });

  it('reports a lost acknowledged change and a half-applied write', () => {
    const lost = lane();
    delete lost.aliases['alias/lane-0-a'];
    expect(judge(lane(), undefined, viewOf(lost))).toMatchObject({ matched: undefined, diff: ['alias alias/lane-0-a: want k1, got none'] });
    const half = lane();
    half.keys[0]!.tags.t0 = 'v'; // one of the two tags of the write
    expect(judge(lane(), tag, viewOf(half)).matched).toBeUndefined();
  });

  it('reports a missing key and a changed state', () => {
    const gone = viewOf(lane());
    delete gone.keys.k1;
    expect(judge(lane(), undefined, gone).diff).toEqual(['key k1 missing']);
    const disabled = lane();
    disabled.keys[0]!.state = 'Disabled';
    expect(judge(lane(), undefined, viewOf(disabled)).diff).toEqual(['key k1 state: want Enabled, got Disabled']);
  });
});
