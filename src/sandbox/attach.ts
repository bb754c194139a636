// Attaching to a running `lifesub sandbox serve`: its serve.json names the pid and endpoints; the
// attaching CLI uses them as they are and only makes sure its registry exists (via the fake ARM).
import { readJson, writeJsonAtomic } from './json-file.js';
import { isAlive } from './lock.js';
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
}

export function writeServeInfo(file: string, info: ServeInfo): void {
  writeJsonAtomic(file, info);
}

/** The serve.json of a live server whose endpoints answer, else undefined. */
export async function liveServe(file: string, signal?: AbortSignal): Promise<ServeInfo | undefined> {
  const info = readJson(file) as ServeInfo | undefined;
  if (!info || typeof info.pid !== 'number' || !isAlive(info.pid)) return undefined;
  const answers = async (url: string) => {
    try {
      await fetch(url, { signal: AbortSignal.any([AbortSignal.timeout(1500), ...(signal ? [signal] : [])]) });
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
