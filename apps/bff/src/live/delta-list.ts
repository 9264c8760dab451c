import type { LiveKind } from '@cinder-console/cinder';
import type { DeltaMode, ListQuery } from './fetch-list.js';
import type { ListResult, Resource } from './poller.js';

/**
 * How far behind the newest `updated_at` seen the next delta starts. Cinder stamps a row before its
 * transaction commits and stores whole seconds: a row stamped just before our last look may
 * become visible just after it. Rows seen twice are compared away by the poller.
 */
const OVERLAP_MS = 2_000;

/** Rows a `sorted` look reads, newest change first: more changes than this between two looks cost a full list. */
const NEWEST_PAGE = 50;

export interface DeltaOptions {
  /** A full detail list at least this often, whatever the deltas say: the safety net. */
  fullEveryMs: number;
  /** The background pace the poller may keep while a kind has nothing in motion, when deltas make it cheap. */
  watchMs: number;
}

interface KindState {
  rows: Map<string, Resource>;
  /** Cinder's newest `updated_at` seen, as Cinder writes it (UTC, no zone). */
  newest: string | undefined;
  fullAt: number;
}

/** `2026-12-04T17:00:00.000000` as Cinder writes it (UTC without a zone), in ms. */
function instantOf(stamp: string): number {
  return Date.parse(/Z|[+-]\d\d:?\d\d$/.test(stamp) ? stamp : `${stamp}Z`);
}

/** The newest change seen minus the overlap, as a filter value. */
function cursorOf(newest: string): string {
  return new Date(instantOf(newest) - OVERLAP_MS).toISOString().slice(0, 19);
}

function newestOf(rows: Iterable<Resource>, start: string | undefined): string | undefined {
  let newest = start;
  for (const row of rows) if (row.updated_at && (!newest || row.updated_at > newest)) newest = row.updated_at;
  return newest;
}

/**
 * Turns a cheap look into the full list the poller compares: the rows changed since the last look
 * merged into the last full list, in two calls whatever the project holds: the changed rows' details
 * and the summary list of ids, which tells deletions and new rows apart. A new id that the delta did
 * not bring (Cinder leaves `updated_at` empty until a row first changes) costs one full detail list.
 *
 * The changed rows come from `updated_at=gte:` where the cloud lets members filter on it (`filter`:
 * volumes from 3.60), else from the first page sorted by `updated_at` newest first (`sorted`:
 * snapshots, backups, older clouds), which holds every change since the last look when it also
 * holds a row older than that look. Without either, every look is a full detail list.
 */
export class DeltaLister {
  private readonly kinds = new Map<LiveKind, KindState>();
  /** Kinds whose filter the cloud refused (a policy without `updated_at` in resource_filters.json). */
  private readonly refused = new Set<LiveKind>();

  constructor(private readonly options: DeltaOptions) {}

  /** `mode`: how this cloud can tell a kind's changed rows (see the class comment); undefined: it cannot. */
  async look(
    kind: LiveKind,
    mode: DeltaMode | undefined,
    fetch: (query: ListQuery) => Promise<ListResult>,
  ): Promise<ListResult> {
    const state = this.kinds.get(kind);
    const delta = mode !== undefined && !this.refused.has(kind);
    const now = Date.now();
    if (!delta || !state?.newest || now - state.fullAt >= this.options.fullEveryMs) {
      return this.full(kind, fetch, delta);
    }
    let changed: ListResult;
    let ids: ListResult;
    try {
      [changed, ids] = await Promise.all([
        fetch(mode === 'filter' ? { updatedSince: cursorOf(state.newest) } : { newestFirst: NEWEST_PAGE }),
        fetch({ idsOnly: true }),
      ]);
    } catch (error) {
      if ((error as { status?: number }).status !== 400) throw error;
      this.refused.add(kind);
      return this.full(kind, fetch, false);
    }
    if (!changed.complete || !ids.complete) return this.full(kind, fetch, delta);
    // A sorted page that stops before reaching the last look may hide changes behind it: a full list,
    // at the slow pace, so a burst of changes (or a database sorting empty times first) costs no more than before.
    if (mode === 'sorted' && !reachesBack(changed.rows, state.newest)) return this.full(kind, fetch, delta, undefined);
    const present = new Set(ids.rows.map((row) => row.id));
    const merged = new Map([...state.rows].filter(([id]) => present.has(id)));
    for (const row of changed.rows) if (present.has(row.id)) merged.set(row.id, row);
    if ([...present].some((id) => !merged.has(id))) return this.full(kind, fetch, delta);
    state.rows = merged;
    state.newest = newestOf(changed.rows, state.newest);
    return { rows: [...merged.values()], complete: true, idleMs: this.options.watchMs };
  }

  private async full(
    kind: LiveKind,
    fetch: (query: ListQuery) => Promise<ListResult>,
    delta: boolean,
    idleMs: number | undefined = this.options.watchMs,
  ): Promise<ListResult> {
    const fullAt = Date.now();
    const result = await fetch({});
    if (delta && result.complete) {
      // Rows never updated have no `updated_at`: the first delta then starts from the newest creation.
      const rows = new Map(result.rows.map((row) => [row.id, row]));
      // With no row at all there is nothing to start from: the next look is a full list again (a cheap one).
      const newest = newestOf(result.rows, undefined) ?? newestCreated(result.rows);
      this.kinds.set(kind, { rows, newest, fullAt });
      return { ...result, idleMs };
    }
    this.kinds.delete(kind);
    return result;
  }
}

function newestCreated(rows: Resource[]): string | undefined {
  let newest: string | undefined;
  for (const row of rows) {
    const created = typeof row.created_at === 'string' ? row.created_at : undefined;
    if (created && (!newest || created > newest)) newest = created;
  }
  return newest;
}

/** Whether a page sorted newest change first goes back past the last look: a shorter page than asked is every row. */
function reachesBack(rows: Resource[], newest: string): boolean {
  if (rows.length < NEWEST_PAGE) return true;
  const cutoff = instantOf(newest) - OVERLAP_MS;
  return rows.some((row) => row.updated_at && instantOf(row.updated_at) < cutoff);
}
