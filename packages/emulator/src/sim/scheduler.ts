/**
 * Runs the emulator's asynchronous transitions (creating → available and the like) after their
 * durations. One place for all timers, so a stopping emulator cancels every pending transition.
 */
export class Scheduler {
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  /** @param timeScale multiplies every delay (1 = real time, 0.02 = fast mode). */
  constructor(private readonly timeScale: number) {}

  /** Runs `task` after `delayMs` (scaled). Errors are reported, never thrown into the event loop. */
  after(delayMs: number, task: () => void): void {
    if (this.stopped) return;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        try {
          task();
        } catch (error) {
          process.emitWarning(`emulator transition failed: ${(error as Error).stack ?? error}`);
        }
      },
      Math.max(0, Math.round(delayMs * this.timeScale)),
    );
    timer.unref();
    this.timers.add(timer);
  }

  /** Resolves after `delayMs` (scaled): for operations that wait in the request, as Cinder's restore does. */
  wait(delayMs: number): Promise<void> {
    return new Promise((resolve) => this.after(delayMs, resolve));
  }

  get pending(): number {
    return this.timers.size;
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
