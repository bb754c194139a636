// Cluster state on disk, so separate CLI processes see the same cluster. Writes are atomic
// (temporary file + rename) so a reader never sees half a file, and debounced after changes.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ToolError } from '../../core/errors.js';
import type { Store, StoreSnapshot } from './store.js';

export function loadState(file: string): StoreSnapshot | undefined {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  if (text.trim() === '') return undefined;
  let parsed: StoreSnapshot | undefined;
  try {
    parsed = JSON.parse(text) as StoreSnapshot;
  } catch {
    parsed = undefined;
  }
  if (typeof parsed?.resourceVersion !== 'number' || typeof parsed.objects !== 'object') {
    throw new ToolError(`the sandbox cluster state ${file} is damaged`, `delete ${file} to start the sandbox cluster afresh`);
  }
  return parsed;
}

export class StateSaver {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private seq = 0;

  constructor(
    private file: string,
    private store: Store,
    private debounceMs = 50,
  ) {}

  /** Schedules a save soon; many changes in a burst make one write. */
  changed(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.save().catch(() => undefined);
    }, this.debounceMs);
    this.timer.unref();
  }

  /** Saves now; saves are serialized so an older snapshot never overwrites a newer one. */
  save(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const text = JSON.stringify(this.store.snapshot());
    const tmp = `${this.file}.${process.pid}.${++this.seq}.tmp`;
    this.writing = this.writing
      .catch(() => undefined)
      .then(async () => {
        await mkdir(dirname(this.file), { recursive: true });
        await writeFile(tmp, text, { mode: 0o600 });
        await rename(tmp, this.file);
      });
    return this.writing;
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
