import type { LiveEvent } from '@cinder-console/cinder';

/** One event of a scope, with the id browsers see (`id:`) and send back (`Last-Event-ID`). */
export interface LogEntry {
  id: number;
  event: LiveEvent;
}

/**
 * What a browser gets when it (re)connects: the events after the id it last saw, or `reset` when
 * they are not all known any more, so that it refetches rather than silently missing a change.
 * `latest` is the scope's newest id: the browser's position from then on.
 */
export type Replay = { reset: false; entries: LogEntry[]; latest: number } | { reset: true; latest: number };

/**
 * Whether a browser that last saw `after` can be brought up to date from a history that holds
 * every event above `floor` up to `latest`. Ids below the floor come from before this record
 * began (an earlier process, a scope that nobody watched for a while) or were dropped for space;
 * ids above `latest` were never issued by it (a process or a Redis that has lost its state).
 */
function canResume(after: number, floor: number, latest: number): boolean {
  return after >= floor && after <= latest;
}

/**
 * A scope's recent events in this process: the history of memory mode (no REDIS_URL). It begins
 * at `start`, an id reserved when the scope opened, so that ids of an earlier record of the same
 * scope, or of an earlier process, fall below its floor and get a reset.
 */
export class MemoryHistory {
  private readonly entries: LogEntry[] = [];
  private floor: number;
  private latest: number;

  constructor(
    private readonly capacity: number,
    start: number,
  ) {
    this.floor = start;
    this.latest = start;
  }

  append(entry: LogEntry): void {
    this.entries.push(entry);
    this.latest = entry.id;
    // A browser that has not seen the dropped event can no longer be brought up to date.
    if (this.entries.length > this.capacity) this.floor = this.entries.shift()!.id;
  }

  replay(after: number | undefined): Replay {
    if (after === undefined) return { reset: false, entries: [], latest: this.latest };
    if (!canResume(after, this.floor, this.latest)) return { reset: true, latest: this.latest };
    return { reset: false, entries: this.entries.filter((e) => e.id > after), latest: this.latest };
  }
}
