import type { FaultOperation } from './faults.js';

/** A rule that keeps matching operations in their transitional status until it is released. */
export interface Hold {
  id: number;
  operation: FaultOperation;
  /** Only the resource of this name; unset: every resource the operation runs on. */
  name?: string;
}

interface ArmedHold extends Hold {
  /** Completions that came due while the hold stood, in the order they came. */
  parked: Array<() => void>;
}

/**
 * Holds for tests and demos: an operation that comes due while a matching hold stands waits, its
 * resource staying `creating`, `extending`, `backing-up`…, until the hold is released; then it
 * completes at once, as it would have. A test can so see a transitional status for as long as it
 * needs, whatever the speed of the machine, and let it end when it chooses.
 */
export class HoldRegistry {
  private readonly holds = new Map<number, ArmedHold>();
  private nextId = 1;

  add(rule: Omit<Hold, 'id'>): Hold {
    const hold: ArmedHold = { id: this.nextId++, ...rule, parked: [] };
    this.holds.set(hold.id, hold);
    return describe(hold);
  }

  /**
   * Parks `complete` under the first hold that matches, and says whether it did. `resourceName`
   * is looked up only when a hold names a resource.
   */
  park(operation: FaultOperation, resourceName: () => string | null | undefined, complete: () => void): boolean {
    for (const hold of this.holds.values()) {
      if (hold.operation !== operation) continue;
      if (hold.name !== undefined && hold.name !== resourceName()) continue;
      hold.parked.push(complete);
      return true;
    }
    return false;
  }

  /** Removes a hold and completes what it parked. False when there is no such hold. */
  release(id: number): boolean {
    const hold = this.holds.get(id);
    if (!hold) return false;
    this.holds.delete(id);
    for (const complete of hold.parked) complete();
    return true;
  }

  releaseAll(): void {
    for (const id of [...this.holds.keys()]) this.release(id);
  }

  snapshot(): Array<Hold & { waiting: number }> {
    return [...this.holds.values()].map((hold) => ({ ...describe(hold), waiting: hold.parked.length }));
  }
}

function describe(hold: ArmedHold): Hold {
  return { id: hold.id, operation: hold.operation, ...(hold.name !== undefined ? { name: hold.name } : {}) };
}
