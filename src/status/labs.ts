// `lifesub list`: every lab lifesub set up on the cluster, found by the labels it puts on each lab
// namespace (ownership.ts), each judged by collectStatus — the same rules as `status`, without asking URLs.
import type { Adapters } from '../adapters/types.js';
import type { Settings } from '../config/schema.js';
import { ID_LABEL, MANAGED_BY } from '../steps/ownership.js';
import { collectStatus } from './collect.js';

export interface Lab {
  id: string;
  namespace: string;
  /** metadata.creationTimestamp of the lab namespace (ISO 8601), when the API server says. */
  created?: string;
  /** Seconds since `created`. */
  ageS?: number;
  /** Releases deployed and workloads rolled out (URLs not asked: `lifesub status --id` asks them). */
  ready: boolean;
  terminating: boolean;
  web?: string;
}

/** Every lab namespace labelled by lifesub, sorted by ID; one `helm list -A` for all of them. */
export async function listLabs(settings: Settings, adapters: Pick<Adapters, 'kube' | 'helm' | 'http'>, signal: AbortSignal, now = Date.now()): Promise<Lab[]> {
  const namespaces = await adapters.kube.list('v1', 'Namespace', undefined, { labelSelector: `${MANAGED_BY}=lifesub` }, signal);
  const labs = namespaces.filter((n) => n.metadata.labels?.[ID_LABEL]);
  if (labs.length === 0) return [];
  const releases = await adapters.helm.list(undefined, { signal });
  const out = await Promise.all(
    labs.map(async (n): Promise<Lab> => {
      const id = n.metadata.labels![ID_LABEL]!;
      // The namespace as found (a lab made with another namespaceSuffix is still listed correctly).
      const s = await collectStatus({ ...settings, id, namespace: n.metadata.name }, adapters, signal, { probe: false, releases });
      const created = n.metadata.creationTimestamp;
      const ageS = created ? Math.max(0, Math.floor((now - Date.parse(created)) / 1000)) : undefined;
      return {
        id,
        namespace: n.metadata.name,
        ...(created ? { created, ageS } : {}),
        ready: s.ready,
        terminating: s.namespaceState === 'terminating',
        ...(s.urls.web ? { web: s.urls.web } : {}),
      };
    }),
  );
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

/** kubectl's AGE column: 45s, 12m, 5h, 3d. */
export function formatAge(seconds: number | undefined): string {
  if (seconds === undefined) return '-';
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 120 * 60) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 48 * 3600) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86400)}d`;
}

/** A table like `kubectl get`: ID, NAMESPACE, AGE, READY, WEB. */
export function formatLabs(labs: Lab[], context?: string): string {
  if (labs.length === 0) return `no lifesub labs on this cluster${context ? ` (context ${context})` : ''}`;
  const rows = [
    ['ID', 'NAMESPACE', 'AGE', 'READY', 'WEB'],
    ...labs.map((l) => [l.id, l.namespace, formatAge(l.ageS), l.terminating ? 'terminating' : l.ready ? 'yes' : 'no', l.web ?? '-']),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('   ')).join('\n');
}
