import { createHash } from 'node:crypto';
import { LIVE_KINDS, parseOpenStackTime, statusClass, type LiveEvent, type LiveKind } from '@cinder-console/cinder';

/** A row of a detail list: the poller reads only these fields (and `size`); the rest goes out in events. */
export type Resource = { id: string; status: string; updated_at?: string | null } & Record<string, unknown>;

/**
 * A short digest of everything a row shows (its links aside), so that a rename in the same second
 * as the last change (Cinder stores whole seconds) is still seen. Rows a predecessor kept in Redis
 * carry it as `digest`.
 */
export function fingerprint(row: Resource): string {
  if (typeof row.digest === 'string') return row.digest;
  const { links: _links, ...shown } = row;
  return createHash('sha1').update(JSON.stringify(shown)).digest('base64url').slice(0, 16);
}

/** Whether `row` holds more than the status, time and size kept for successors by older releases. */
function whole(row: Resource): boolean {
  return typeof row.digest === 'string' || Object.keys(row).length > 4;
}

function differs(before: Resource, row: Resource): boolean {
  if (before.status !== row.status || before.updated_at !== row.updated_at || before.size !== row.size) return true;
  return whole(before) && fingerprint(before) !== fingerprint(row);
}

/** A page of one kind's detail list, and whether it holds every row (no `next` link). */
export interface ListResult {
  rows: Resource[];
  complete: boolean;
  /** How soon to look again while the kind has nothing in motion, when looking is cheap (deltas); else `slowMs`. */
  idleMs?: number;
}

export interface PollerOptions {
  /** Fetches a kind's detail list with a token that can see this project; undefined: no token left. */
  list: (kind: LiveKind) => Promise<ListResult | undefined>;
  /** Interval while rows of the kind are in a transitional status. */
  fastMs: number;
  /** Interval otherwise: the background refresh that notices changes made outside the console. */
  slowMs: number;
  /** Interval once an operation has shown no change for `settleAfterMs` (long backups, say). */
  patientMs: number;
  settleAfterMs: number;
  emit: (event: LiveEvent) => void;
  /**
   * What an earlier poller of the same scope last saw, per kind: the first look is then compared
   * with it (changes in between become events) instead of being a silent baseline. A replica that
   * takes over polling from another starts from here, so nothing that changed meanwhile is lost.
   */
  initial?: Map<LiveKind, Map<string, Resource>>;
  /**
   * A first look with nothing to compare it with still reports the rows that changed this recently
   * (by `updated_at`). A page reads its lists before its stream opens: a change in between (a
   * restore that finished while the page was reloading) would otherwise stay unseen, with no later
   * event to correct it. Wide enough for a slow reload and a Cinder clock a little off; 0: none.
   */
  recentMs?: number;
  /** A kind's first look was taken as the baseline (there was nothing to compare it with). */
  onBaseline?: (kind: LiveKind, rows: Resource[]) => void;
  /**
   * Cinder stopped answering (`problem`: why, in the envelope's words) or answers again
   * (undefined). Called on changes only, so that browsers can say so and recover by themselves.
   */
  onHealth?: (problem: string | undefined) => void;
}

/** Why a look failed, as the error envelope words it (`upstreamFetch` throws `UpstreamError`). */
function problemOf(error: unknown): string {
  const message = (error as { body?: { message?: unknown } }).body?.message;
  return typeof message === 'string' && message ? message : 'Cinder (block storage) cannot be reached.';
}

/**
 * Watches one project (as one role set sees it) for every console tab open on it: one list call
 * per resource kind per tick, however many tabs listen. Each tick is compared with the last; any
 * new, changed or vanished row becomes an event. A kind with rows in motion is polled fast, the
 * others slowly; a mutation through the console asks for a fast look at once (`kick`).
 */
export class ProjectPoller {
  private readonly rows = new Map<LiveKind, Map<string, Resource>>();
  private readonly timers = new Map<LiveKind, NodeJS.Timeout>();
  private readonly lastChange = new Map<LiveKind, number>();
  private readonly inFlight = new Set<LiveKind>();
  /** Looks in a row that failed, per kind: the wait before the next doubles with each, up to the slow pace. */
  private readonly failures = new Map<LiveKind, number>();
  /** Kinds asked to look again while a look was running: that look may have started before the change. */
  private readonly lookAgain = new Set<LiveKind>();
  /** The idle pace the last look allowed, per kind. */
  private readonly idleMs = new Map<LiveKind, number>();
  private stopped = false;
  /** Why Cinder failed the last look, while it does; undefined while it answers. */
  private problem: string | undefined;

  constructor(private readonly options: PollerOptions) {
    for (const [kind, rows] of options.initial ?? []) this.rows.set(kind, new Map(rows));
  }

  start(): void {
    for (const kind of LIVE_KINDS) this.schedule(kind, 0);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** Something changed through the console: look at every kind now. */
  kick(): void {
    for (const kind of LIVE_KINDS) {
      this.lastChange.set(kind, Date.now());
      this.schedule(kind, 0);
    }
  }

  private schedule(kind: LiveKind, delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timers.get(kind));
    const timer = setTimeout(() => void this.tick(kind), delayMs);
    timer.unref();
    this.timers.set(kind, timer);
  }

  private nextDelay(kind: LiveKind): number {
    const failures = this.failures.get(kind);
    if (failures) return Math.min(this.options.slowMs, this.options.fastMs * 2 ** failures);
    const moving = [...(this.rows.get(kind)?.values() ?? [])].some((r) => statusClass(r.status) === 'transitional');
    if (!moving) return this.idleMs.get(kind) ?? this.options.slowMs;
    const quietFor = Date.now() - (this.lastChange.get(kind) ?? 0);
    return quietFor > this.options.settleAfterMs ? this.options.patientMs : this.options.fastMs;
  }

  private async tick(kind: LiveKind): Promise<void> {
    if (this.stopped) return;
    if (this.inFlight.has(kind)) {
      this.lookAgain.add(kind);
      return;
    }
    this.inFlight.add(kind);
    try {
      const result = await this.options.list(kind);
      // Stopped meanwhile (with Redis: the lease went, perhaps to a successor that has looked since).
      if (this.stopped) return;
      if (result === undefined) return this.stop();
      this.failures.delete(kind);
      if (result.idleMs === undefined) this.idleMs.delete(kind);
      else this.idleMs.set(kind, result.idleMs);
      this.setProblem(undefined);
      this.compare(kind, result);
    } catch (error) {
      // The cloud is unreachable or refusing: keep what we know, and back off so that a struggling
      // Cinder is not hammered at the fast pace by every project that has something in motion.
      this.failures.set(kind, (this.failures.get(kind) ?? 0) + 1);
      if (!this.stopped) this.setProblem(problemOf(error));
    } finally {
      this.inFlight.delete(kind);
    }
    const lookAgain = this.lookAgain.delete(kind);
    this.schedule(kind, lookAgain && !this.failures.has(kind) ? 0 : this.nextDelay(kind));
  }

  private setProblem(problem: string | undefined): void {
    if (problem === this.problem) return;
    // Recovered only when no kind is failing any more.
    if (problem === undefined && this.failures.size > 0) return;
    this.problem = problem;
    this.options.onHealth?.(problem);
  }

  private compare(kind: LiveKind, result: ListResult): void {
    const previous = this.rows.get(kind);
    const current = new Map(result.rows.map((row) => [row.id, row]));
    this.rows.set(kind, current);
    if (!previous) {
      // The first look is the baseline; only its recent changes may be news to the pages listening.
      this.options.onBaseline?.(kind, result.rows);
      for (const row of result.rows) if (this.changedRecently(row)) this.emitChange(kind, row);
      return;
    }
    let changed = false;
    for (const row of current.values()) {
      const before = previous.get(row.id);
      if (!before || differs(before, row)) {
        changed = true;
        this.emitChange(kind, row);
      }
    }
    // A partial list cannot tell a deleted row from one on a later page.
    if (result.complete) {
      for (const id of previous.keys()) {
        if (!current.has(id)) {
          changed = true;
          this.options.emit({ kind, id, deleted: true });
        }
      }
    }
    if (changed) this.lastChange.set(kind, Date.now());
  }

  private emitChange(kind: LiveKind, row: Resource): void {
    this.options.emit({ kind, id: row.id, status: row.status, resource: row });
  }

  private changedRecently(row: Resource): boolean {
    const recentMs = this.options.recentMs ?? 0;
    if (recentMs <= 0 || typeof row.updated_at !== 'string') return false;
    return Date.now() - parseOpenStackTime(row.updated_at).getTime() <= recentMs;
  }
}
