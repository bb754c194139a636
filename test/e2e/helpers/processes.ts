// Finds processes that belong to one test's sandbox: the CLI and every tool shim it starts carry the
// test's private LIFESUB_HOME in their environment or command line. Scoping by that path (instead of
// a name like "sandbox-tools") keeps concurrently running test files from seeing each other's tools.
import { readFileSync, readdirSync } from 'node:fs';

export interface ProcInfo {
  pid: number;
  cmdline: string;
}

function readProc(pid: string, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined; // gone, or not ours
  }
}

/** Live (non-zombie) processes whose environment or argv mentions `marker`. Linux /proc only. */
export function processesMentioning(marker: string): ProcInfo[] {
  const found: ProcInfo[] = [];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
    const stat = readProc(pid, 'stat');
    if (!stat || /^\d+ \(.*\) Z /.test(stat)) continue;
    const cmdline = (readProc(pid, 'cmdline') ?? '').replace(/\0/g, ' ').trim();
    const environ = readProc(pid, 'environ') ?? '';
    if (cmdline.includes(marker) || environ.includes(marker)) found.push({ pid: Number(pid), cmdline });
  }
  return found;
}

/** Waits up to `graceMs` for them to disappear; returns what is still there. */
export async function leftovers(marker: string, graceMs: number): Promise<ProcInfo[]> {
  const deadline = Date.now() + graceMs;
  for (;;) {
    const left = processesMentioning(marker);
    if (left.length === 0 || Date.now() > deadline) return left;
    await new Promise((r) => setTimeout(r, 100));
  }
}
