/** One change someone made, or tried to make, through the console. */
export interface AuditEntry {
  time: string;
  user: { id: string; name: string };
  project: { id: string; name: string };
  /**
   * The project that owns the target, when an admin acted on another project's resource: the entry
   * is kept with, and shown to, that project too.
   */
  owner?: { id: string } | undefined;
  region: string | null;
  /** What was attempted, e.g. `volume.create`, `volume.os-extend`, `session.login`. */
  action: string;
  target: { kind: string; id: string | null };
  /** `success` for a 2xx answer, `failure` otherwise. */
  result: 'success' | 'failure';
  status: number;
  /** The cloud's request id when there was one, else the BFF's. */
  requestId: string;
  /** An asynchronous action's end: `pending`, then the status reached (`available`, `error_extending`, `deleted`). */
  outcome?: string;
}

export interface AuditQuery {
  projectId?: string | undefined;
  userName?: string | undefined;
  action?: string | undefined;
  result?: AuditEntry['result'] | undefined;
  /** The id of the resource acted on. */
  targetId?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
  limit: number;
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  query(query: AuditQuery): Promise<AuditEntry[]>;
  /** Releases connections, if the store has any. */
  close?(): Promise<void>;
}

/** The projects an entry belongs to: the actor's, and the target's owner when it is another. */
export function projectsOf(entry: AuditEntry): string[] {
  return entry.owner && entry.owner.id !== entry.project.id ? [entry.project.id, entry.owner.id] : [entry.project.id];
}

/** Matches an entry against a query (shared by every store). */
export function matchesQuery(entry: AuditEntry, query: AuditQuery): boolean {
  return (
    (!query.projectId || projectsOf(entry).includes(query.projectId)) &&
    (!query.userName || entry.user.name === query.userName) &&
    (!query.action || entry.action === query.action || entry.action.startsWith(`${query.action}.`)) &&
    (!query.result || entry.result === query.result) &&
    (!query.targetId || entry.target.id === query.targetId) &&
    (!query.since || entry.time >= query.since) &&
    (!query.until || entry.time <= query.until)
  );
}

/** How much of the trail is kept, per project: the newest `maxEntries`, none older than `maxAgeMs`. */
export interface AuditRetention {
  maxEntries: number;
  maxAgeMs: number;
}

export const DEFAULT_RETENTION: AuditRetention = { maxEntries: 10_000, maxAgeMs: 90 * 24 * 3600_000 };

/**
 * The trail in memory, the single-process default: one ring per project, so that one member's
 * traffic can only push out their own project's older entries, never another's. An entry about
 * another project's resource (an admin's) sits in both projects' rings.
 */
export class MemoryAuditLog implements AuditLog {
  private readonly projects = new Map<string, AuditEntry[]>();
  private readonly retention: AuditRetention;

  /** A number is the per-project entry cap (the former single ring's capacity). */
  constructor(retention: Partial<AuditRetention> | number = {}) {
    this.retention = {
      ...DEFAULT_RETENTION,
      ...(typeof retention === 'number' ? { maxEntries: retention } : retention),
    };
  }

  async record(entry: AuditEntry): Promise<void> {
    for (const projectId of projectsOf(entry)) {
      const ring = this.projects.get(projectId) ?? [];
      this.projects.set(projectId, ring);
      ring.push(entry);
      if (ring.length > this.retention.maxEntries) ring.splice(0, ring.length - this.retention.maxEntries);
    }
  }

  async query(query: AuditQuery): Promise<AuditEntry[]> {
    const cutoff = new Date(Date.now() - this.retention.maxAgeMs).toISOString();
    const rings = query.projectId ? [query.projectId] : [...this.projects.keys()];
    const found = new Set<AuditEntry>();
    for (const projectId of rings) {
      const ring = this.expire(projectId, cutoff);
      let taken = 0;
      for (let i = ring.length - 1; i >= 0 && taken < query.limit; i--) {
        if (matchesQuery(ring[i]!, query)) {
          found.add(ring[i]!);
          taken++;
        }
      }
    }
    return newestFirst([...found], query.limit);
  }

  /** Drops a project's entries past the age limit (and the project, once it has none). */
  private expire(projectId: string, cutoff: string): AuditEntry[] {
    const ring = this.projects.get(projectId) ?? [];
    const kept = ring.findIndex((entry) => entry.time >= cutoff);
    if (kept === -1) this.projects.delete(projectId);
    else if (kept > 0) ring.splice(0, kept);
    return kept === -1 ? [] : ring;
  }
}

/** Entries from several projects, newest first, at most `limit`. */
export function newestFirst(entries: AuditEntry[], limit: number): AuditEntry[] {
  return entries.sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : 0)).slice(0, limit);
}
