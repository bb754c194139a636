// `--wait`: like helm, poll until Deployments and StatefulSets have their ready replicas and
// LoadBalancer Services have an address, or the timeout passes ("context deadline exceeded").
import type { KubeObject } from '../../adapters/types.js';
import type { KubeClient } from './kube-client.js';
import { sleep } from './runtime.js';

export function isReady(obj: KubeObject | undefined): boolean {
  if (!obj) return false;
  const spec = (obj.spec ?? {}) as { replicas?: number; type?: string };
  const status = (obj.status ?? {}) as { readyReplicas?: number; loadBalancer?: { ingress?: unknown[] } };
  if (obj.kind === 'Deployment' || obj.kind === 'StatefulSet') return (status.readyReplicas ?? 0) >= (spec.replicas ?? 1);
  if (obj.kind === 'Service' && spec.type === 'LoadBalancer') return (status.loadBalancer?.ingress?.length ?? 0) > 0;
  return true;
}

/** Resolves true when everything is ready, false on timeout. */
export async function waitReady(kube: KubeClient, objects: KubeObject[], timeoutMs: number, signal: AbortSignal): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let pending = objects.filter((o) => ['Deployment', 'StatefulSet', 'Service'].includes(o.kind));
  for (;;) {
    const states = await Promise.all(pending.map((o) => kube.get(o.apiVersion, o.kind, o.metadata.namespace, o.metadata.name)));
    pending = pending.filter((_, i) => !isReady(states[i]));
    if (pending.length === 0) return true;
    if (Date.now() >= deadline) return false;
    await sleep(Math.min(500, deadline - Date.now()), signal);
  }
}

/** Resolves true when every object is gone, false on timeout. */
export async function waitDeleted(kube: KubeClient, objects: KubeObject[], timeoutMs: number, signal: AbortSignal): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let pending = objects;
  for (;;) {
    const states = await Promise.all(pending.map((o) => kube.get(o.apiVersion, o.kind, o.metadata.namespace, o.metadata.name)));
    pending = pending.filter((_, i) => states[i] !== undefined);
    if (pending.length === 0) return true;
    if (Date.now() >= deadline) return false;
    await sleep(Math.min(300, deadline - Date.now()), signal);
  }
}

/** Go durations as helm's --timeout takes them: "5m0s", "300s", "1h". */
export function parseGoDuration(text: string): number | undefined {
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  if (!/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(text)) return text === '0' ? 0 : undefined;
  let total = 0;
  for (const match of text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) total += Number(match[1]) * (units[match[2] as string] ?? 0);
  return total;
}
