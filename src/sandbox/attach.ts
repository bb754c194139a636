// Attaching to a running `lifesub sandbox serve` (in the foreground, or the background one `--sandbox`
// commands start): its serve.json names the pid, endpoints, profile and faults; the attaching CLI uses
// them as they are and only makes sure its registry exists (via the fake ARM).
import path from 'node:path';
import type { Faults } from './contract.js';
import { readJson, writeJsonAtomic } from './json-file.js';
import { isRunning } from './processes.js';
import { SANDBOX_RESOURCE_GROUP, SANDBOX_SUBSCRIPTION } from './arm/server.js';

export interface ServeInfo {
  pid: number;
  startedAt: string;
  profile: string;
  apiserver: string;
  registry: string;
  arm: string;
  /** Base URL of the sandbox's Helm chart repositories. */
  charts: string;
  kubeconfig: string;
  /** `background`: started by a `--sandbox` command or `lifesub sandbox start`; else `lifesub sandbox serve` in a terminal. */
  mode?: 'background' | 'foreground';
  /** The faults the API server injects (serverFaults of the fault file it was started with; {} for none). */
  faults?: Faults;
  /** Absolute path of that fault file (LIFESUB_SANDBOX_FAULTS), when one was set. */
  faultsFile?: string;
  /** Where a background sandbox writes its output. */
  log?: string;
}

/**
 * The part of a fault file the served process applies — API server, controllers, admission, registry and
 * ARM (everything but `tools`, which the tool shims read under each command with that command's
 * environment; `slow` counts, since it also slows the controllers). Empty lists and maps are dropped.
 */
export function serverFaults(f: Faults): Faults {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(f) as Array<[keyof Faults, unknown]>) {
    if (key === 'tools' || value === undefined) continue;
    if (Array.isArray(value) ? value.length === 0 : typeof value === 'object' && value !== null && Object.keys(value).length === 0) continue;
    out[key] = value;
  }
  return out as Faults;
}

/**
 * Faults the served process reads from its fault file at every request, so an edit takes effect at
 * once: the same file means the same faults, whatever they were when it started.
 */
const LIVE_FAULTS: ReadonlyArray<keyof Faults> = ['importRefused'];

/**
 * True when a command with fault set `a` (from file `aFile`) sees the same served world as one started
 * with `b` (from `bFile`): the faults fixed at start are equal (key order does not matter), and the
 * live ones come from the same file or are equal.
 */
export function sameServerFaults(a: Faults, b: Faults, aFile?: string, bFile?: string): boolean {
  const split = (f: Faults) => {
    const all = serverFaults(f) as Record<string, unknown>;
    const live = Object.fromEntries(LIVE_FAULTS.filter((k) => k in all).map((k) => [k, all[k]]));
    for (const k of LIVE_FAULTS) delete all[k];
    return { fixed: canonical(all), live: canonical(live) };
  };
  const x = split(a);
  const y = split(b);
  const sameFile = aFile !== undefined && bFile !== undefined && path.resolve(aFile) === path.resolve(bFile);
  return x.fixed === y.fixed && (sameFile || x.live === y.live);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** The serve.json of a process still running (answering or not), else undefined. */
export function runningServe(file: string): ServeInfo | undefined {
  let info: ServeInfo | undefined;
  try {
    info = readJson(file) as ServeInfo | undefined;
  } catch {
    return undefined; // half-written by a killed process: nobody serves
  }
  return info && typeof info.pid === 'number' && isRunning(info.pid) ? info : undefined;
}

export function writeServeInfo(file: string, info: ServeInfo): void {
  writeJsonAtomic(file, info);
}

/** The serve.json of a live server whose endpoints answer, else undefined. */
export async function liveServe(file: string, signal?: AbortSignal): Promise<ServeInfo | undefined> {
  const info = runningServe(file);
  if (!info) return undefined;
  const answers = async (url: string) => {
    try {
      // 5 s: a serve busy with several students' installs can take seconds to answer; it is not gone.
      await fetch(url, { signal: AbortSignal.any([AbortSignal.timeout(5000), ...(signal ? [signal] : [])]) });
      return true;
    } catch {
      return false;
    }
  };
  const ok = await Promise.all([info.apiserver, info.registry, info.arm, info.charts].map((u) => answers(`${u}/`)));
  return ok.every(Boolean) ? info : undefined;
}

/** Creates the registries in the served sandbox (ARM PUT is idempotent). */
export async function ensureRegistries(armUrl: string, armToken: string, names: string[]): Promise<void> {
  for (const name of names) {
    const url = `${armUrl}/subscriptions/${SANDBOX_SUBSCRIPTION}/resourceGroups/${SANDBOX_RESOURCE_GROUP}/providers/Microsoft.ContainerRegistry/registries/${name}?api-version=2025-11-01`;
    const res = await fetch(url, {
      method: 'PUT',
      headers: { authorization: `Bearer ${armToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ location: 'koreacentral', sku: { name: 'Basic' }, properties: { adminUserEnabled: true } }),
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok) throw new Error(`creating registry ${name} in the served sandbox failed: HTTP ${res.status} ${await res.text()}`);
  }
}
