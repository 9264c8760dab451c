/** One change someone made, or tried to make, through the console. */
export interface AuditEntry {
  time: string;
  user: { id: string; name: string };
  project: { id: string; name: string };
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

/** Matches an entry against a query (shared by every store). */
export function matchesQuery(entry: AuditEntry, query: AuditQuery): boolean {
  return (
    (!query.projectId || entry.project.id === query.projectId) &&
    (!query.userName || entry.user.name === query.userName) &&
    (!query.action || entry.action === query.action || entry.action.startsWith(`${query.action}.`)) &&
    (!query.result || entry.result === query.result) &&
    (!query.targetId || entry.target.id === query.targetId) &&
    (!query.since || entry.time >= query.since) &&
    (!query.until || entry.time <= query.until)
  );
}

/** The last `capacity` entries in memory: the single-process default. */
export class MemoryAuditLog implements AuditLog {
  private readonly entries: AuditEntry[] = [];

  constructor(private readonly capacity = 10_000) {}

  async record(entry: AuditEntry): Promise<void> {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.shift();
  }

  async query(query: AuditQuery): Promise<AuditEntry[]> {
    const found: AuditEntry[] = [];
    for (let i = this.entries.length - 1; i >= 0 && found.length < query.limit; i--) {
      if (matchesQuery(this.entries[i]!, query)) found.push(this.entries[i]!);
    }
    return found;
  }
}
