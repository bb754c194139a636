// Timers for simulated durations, all cancelled by one call on close. One timer per key: asking for
// an earlier wake-up replaces a later one, a later request is ignored while an earlier one is pending.
export class Scheduler {
  private timers = new Map<string, { at: number; timer: NodeJS.Timeout }>();
  private closed = false;

  constructor(private now: () => number = Date.now) {}

  at(key: string, atMs: number, fn: () => void): void {
    if (this.closed) return;
    const existing = this.timers.get(key);
    if (existing && existing.at <= atMs) return;
    if (existing) clearTimeout(existing.timer);
    const timer = setTimeout(
      () => {
        this.timers.delete(key);
        if (!this.closed) fn();
      },
      Math.max(0, atMs - this.now()),
    );
    this.timers.set(key, { at: atMs, timer });
  }

  /** A short delay (request latency) that never keeps the process alive. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (ms <= 0 || this.closed) return resolve();
      setTimeout(resolve, ms).unref();
    });
  }

  close(): void {
    this.closed = true;
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
