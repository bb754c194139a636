// Which lifesub processes are attached to a served sandbox right now: each writes `clients/<pid>` when
// it attaches and removes it when it closes (a killed one leaves a file whose pid is gone, ignored).
// A restart of the background sandbox (another profile or fault file) must not pull the servers from
// under one of them.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isRunning } from './processes.js';

/** Registers this process as attached; returns the function that unregisters it. */
export function registerClient(dir: string, pid = process.pid): () => void {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, String(pid));
  writeFileSync(file, `${new Date().toISOString()}\n`);
  return () => rmSync(file, { force: true });
}

/** pids of other live processes attached (stale entries are removed on the way). */
export function otherClients(dir: string, self = process.pid): number[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const live: number[] = [];
  for (const name of names) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid <= 0 || pid === self) continue;
    if (isRunning(pid)) live.push(pid);
    else rmSync(path.join(dir, name), { force: true });
  }
  return live;
}
