// Runs the controllers: a de-duplicated work queue fed by store changes and timers. Reconciles run one
// at a time, so controllers never race each other over the same object.
import type { Scheduler } from '../scheduler.js';
import type { StoreEvent } from '../types.js';
import type { Controller, ControllerContext, ObjectKey } from './context.js';

export class ControllerManager {
  private queue = new Map<string, { c: Controller; key: ObjectKey }>();
  private running = false;
  private closed = false;
  private unsubscribe: (() => void) | undefined;
  private idle: Promise<void> = Promise.resolve();
  /** Reconcile failures, kept for tests and debugging (a controller bug must not stop the server). */
  readonly failures: Array<{ controller: string; key: ObjectKey; error: unknown }> = [];

  constructor(
    private ctx: ControllerContext,
    private controllers: Controller[],
    private scheduler: Scheduler,
  ) {}

  start(): void {
    this.unsubscribe = this.ctx.store.on((ev) => this.onChange(ev));
    for (const c of this.controllers) {
      for (const o of this.ctx.store.view(c.resource)) this.enqueue(c, { namespace: o.metadata.namespace, name: o.metadata.name });
    }
  }

  private onChange(ev: StoreEvent): void {
    for (const c of this.controllers) {
      if (ev.resource === c.resource) this.enqueue(c, { namespace: ev.object.metadata.namespace, name: ev.object.metadata.name });
      for (const key of c.triggers?.(ev, this.ctx) ?? []) this.enqueue(c, key);
    }
  }

  enqueue(c: Controller, key: ObjectKey): void {
    if (this.closed) return;
    this.queue.set(`${c.name}|${key.namespace ?? ''}|${key.name}`, { c, key });
    if (!this.running) {
      this.running = true;
      this.idle = new Promise((resolve) => setImmediate(() => void this.drain().finally(resolve)));
    }
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.size > 0 && !this.closed) {
        const [id, item] = this.queue.entries().next().value as [string, { c: Controller; key: ObjectKey }];
        this.queue.delete(id);
        try {
          const wake = await item.c.reconcile(this.ctx, item.key);
          if (wake !== undefined && !this.closed) this.scheduler.at(id, wake, () => this.enqueue(item.c, item.key));
        } catch (error) {
          this.failures.push({ controller: item.c.name, key: item.key, error });
          if (process.env.LIFESUB_SANDBOX_DEBUG) console.error(`[sandbox] ${item.c.name} ${item.key.name}:`, error);
        }
      }
    } finally {
      this.running = false;
    }
  }

  /** Resolves once the queue is empty (for tests and orderly shutdown). */
  async settle(): Promise<void> {
    while (this.running) await this.idle;
  }

  close(): void {
    this.closed = true;
    this.unsubscribe?.();
    this.queue.clear();
  }
}
