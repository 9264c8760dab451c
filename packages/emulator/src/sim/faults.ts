/** Operations whose asynchronous outcome can be forced to fail. */
export const FAULT_OPERATIONS = [
  'volume.create',
  'volume.delete',
  'volume.extend',
  'volume.retype',
  'volume.revert',
  'volume.upload',
  'snapshot.create',
  'snapshot.delete',
  'backup.create',
  'backup.delete',
  'backup.restore',
  'volume.rollback',
  'volume.attach',
  'volume.detach',
  'volume.migrate',
  'volume.manage',
] as const;
export type FaultOperation = (typeof FAULT_OPERATIONS)[number];

/** A rule for HTTP requests whose path matches `path` (a regular expression source). */
export interface HttpFault {
  id: number;
  path: string;
  /** Only requests of this method (`POST`); any method when unset. */
  method?: string;
  /** Extra latency before the request is handled. */
  delayMs?: number;
  /** Answer with this status (a Cinder fault body) instead of handling the request. */
  status?: number;
  /** Close the connection without an answer. */
  drop?: boolean;
  /** How many more requests it applies to; undefined: until removed. */
  remaining?: number;
}

/**
 * Faults injected for tests and demos: the next N operations of a kind end in `error`,
 * HTTP requests slowed, refused or dropped by path, and Keystone taken down.
 */
export class FaultRegistry {
  private readonly failures = new Map<FaultOperation, number>();
  private httpFaults: HttpFault[] = [];
  private nextId = 1;
  keystoneDown = false;

  failNext(operation: FaultOperation, count = 1): void {
    this.failures.set(operation, (this.failures.get(operation) ?? 0) + count);
  }

  /** True (and one fewer pending) when this run of the operation must fail. */
  consumeFailure(operation: FaultOperation): boolean {
    const left = this.failures.get(operation) ?? 0;
    if (left <= 0) return false;
    this.failures.set(operation, left - 1);
    return true;
  }

  addHttpFault(fault: Omit<HttpFault, 'id'>): HttpFault {
    new RegExp(fault.path); // refuse an invalid expression now rather than at request time
    const added = { ...fault, id: this.nextId++ };
    this.httpFaults.push(added);
    return added;
  }

  /** The first rule matching the request's method and path, counting the use. */
  takeHttpFault(method: string, path: string): HttpFault | undefined {
    const fault = this.httpFaults.find(
      (f) => (f.method === undefined || f.method === method) && new RegExp(f.path).test(path),
    );
    if (!fault) return undefined;
    if (fault.remaining !== undefined) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.httpFaults = this.httpFaults.filter((f) => f !== fault);
    }
    return fault;
  }

  snapshot() {
    return {
      failNext: Object.fromEntries([...this.failures].filter(([, n]) => n > 0)),
      http: this.httpFaults,
      keystoneDown: this.keystoneDown,
    };
  }

  clear(): void {
    this.failures.clear();
    this.httpFaults = [];
    this.keystoneDown = false;
  }
}
