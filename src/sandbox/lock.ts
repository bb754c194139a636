// The owner lock: one process at a time serves the sandbox state (API server, registry, ARM), so two
// CLI runs never write state.json or registry.json over each other. A lock whose process has died
// is taken over.
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid in the lock file, if any. */
export function lockHolder(file: string): number | undefined {
  try {
    const pid = (JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown }).pid;
    return typeof pid === 'number' ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the lock for this process; false when a live process holds it. */
export function tryLock(file: string, purpose: string): boolean {
  mkdirSync(path.dirname(file), { recursive: true });
  // Written aside, then hard-linked into place: the lock file appears atomically, never half written.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ pid: process.pid, purpose, since: new Date().toISOString() }), { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(tmp, file);
        return true;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        const holder = lockHolder(file);
        if (holder !== undefined && (holder === process.pid || isAlive(holder))) return false;
        rmSync(file, { force: true });
      }
    }
    return false;
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Releases the lock if this process holds it. */
export function unlock(file: string): void {
  if (lockHolder(file) === process.pid) rmSync(file, { force: true });
}
