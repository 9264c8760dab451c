import { describe, expect, it } from 'vitest';
import { MemoryHistory } from './history.js';

const event = (id: string) => ({ kind: 'volume' as const, id, deleted: true as const });

describe('MemoryHistory', () => {
  it('replays exactly the events after a known id', () => {
    const history = new MemoryHistory(10, 100);
    for (const id of [101, 102, 103]) history.append({ id, event: event(`v${id}`) });
    expect(history.replay(101)).toEqual({
      reset: false,
      latest: 103,
      entries: [
        { id: 102, event: event('v102') },
        { id: 103, event: event('v103') },
      ],
    });
    expect(history.replay(100)).toMatchObject({ reset: false, entries: [{ id: 101 }, { id: 102 }, { id: 103 }] });
    expect(history.replay(103)).toEqual({ reset: false, latest: 103, entries: [] });
    expect(history.replay(undefined)).toEqual({ reset: false, latest: 103, entries: [] });
  });

  it('resets a browser whose id is older than the record, newer than anything issued, or whose events were dropped', () => {
    const history = new MemoryHistory(2, 100);
    for (const id of [101, 102, 103]) history.append({ id, event: event(`v${id}`) });
    expect(history.replay(99)).toEqual({ reset: true, latest: 103 });
    expect(history.replay(104)).toEqual({ reset: true, latest: 103 });
    // 101 was dropped for space: a browser at 100 never saw it.
    expect(history.replay(100)).toEqual({ reset: true, latest: 103 });
    expect(history.replay(101)).toMatchObject({ reset: false, entries: [{ id: 102 }, { id: 103 }] });
  });
});
