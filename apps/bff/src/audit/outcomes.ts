import { LIVE_KINDS, statusClass, type LiveEvent } from '@cinder-console/cinder';
import type { AuditEntry, AuditLog } from './audit-log.js';

/** Outcomes remembered, and actions still awaiting theirs, at most (oldest forgotten first). */
const CAPACITY = 10_000;

interface Awaiting {
  requestId: string;
  /** The entry's time, in Cinder's whole seconds: a row last updated before it shows an older state. */
  since: string;
  /** A transitional status has been seen since: whatever stable status follows is the outcome. */
  moving: boolean;
}

function setBounded<K, V>(map: Map<K, V>, key: K, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > CAPACITY) map.delete(map.keys().next().value as K);
}

/**
 * Completes the audit entries of asynchronous actions (Cinder answered 202: create, delete,
 * extend, retype, backup, restore, …) with their outcome: the stable status the live relay sees
 * the resource reach next (`available`, `error_extending`, …) or `deleted`. The entry says
 * `pending` until then. Outcomes are kept by this process, next to whatever store keeps the
 * entries, and only for resources some console tab follows live (the relay polls nothing else).
 */
export class AuditOutcomes {
  private readonly outcomes = new Map<string, string>();
  private readonly awaiting = new Map<string, Awaiting[]>();

  /** The audit log, recording what awaits an outcome and answering entries with theirs. */
  wrap(log: AuditLog): AuditLog {
    return {
      record: async (entry) => {
        await log.record(entry);
        this.expect(entry);
      },
      query: async (query) => (await log.query(query)).map((entry) => this.complete(entry)),
      ...(log.close ? { close: () => log.close!() } : {}),
    };
  }

  /** An event the relay handed to its streams. */
  observe(event: LiveEvent): void {
    const key = `${event.kind}:${event.id}`;
    const waiting = this.awaiting.get(key);
    if (!waiting) return;
    if ('deleted' in event) {
      for (const { requestId } of waiting) setBounded(this.outcomes, requestId, 'deleted');
      this.awaiting.delete(key);
      return;
    }
    if (statusClass(event.status) === 'transitional') {
      for (const entry of waiting) entry.moving = true;
      return;
    }
    const updated = typeof event.resource.updated_at === 'string' ? event.resource.updated_at : '';
    const done = waiting.filter((entry) => entry.moving || updated.slice(0, 19) >= entry.since);
    for (const { requestId } of done) setBounded(this.outcomes, requestId, event.status);
    const left = waiting.filter((entry) => !done.includes(entry));
    if (left.length > 0) this.awaiting.set(key, left);
    else this.awaiting.delete(key);
  }

  private expect(entry: AuditEntry): void {
    if (entry.status !== 202 || !entry.target.id || !(LIVE_KINDS as readonly string[]).includes(entry.target.kind)) {
      return;
    }
    const key = `${entry.target.kind}:${entry.target.id}`;
    const since = entry.time.slice(0, 19);
    setBounded(this.awaiting, key, [
      ...(this.awaiting.get(key) ?? []),
      { requestId: entry.requestId, since, moving: false },
    ]);
    setBounded(this.outcomes, entry.requestId, 'pending');
  }

  private complete(entry: AuditEntry): AuditEntry {
    const outcome = this.outcomes.get(entry.requestId);
    return outcome ? { ...entry, outcome } : entry;
  }
}
