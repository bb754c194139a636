// Pod admission for namespaces with a LimitRange or ResourceQuota, as the real apiserver's LimitRanger
// and ResourceQuota admission plugins do it (plugin/pkg/admission/limitranger and resourcequota in
// kubernetes/kubernetes; the wording below is theirs as far as we know it, written from memory since no
// mirror of kubernetes/kubernetes is at hand):
//  - LimitRanger fills in a container's missing requests/limits from the `Container` item's
//    defaultRequest/default (a missing request also falls back to the limit);
//  - ResourceQuota refuses a pod that does not declare a resource the quota tracks
//    (`failed quota: <name>: must specify limits.cpu`) or that would take usage over `hard`
//    (`exceeded quota: <name>, requested: …, used: …, limited: …`, only the exceeded resources, sorted).
// Usage counts the namespace's pods that are not Succeeded/Failed. Only compute resources and `pods`.
import { errors } from './errors.js';
import type { Store } from './store.js';
import type { Json, KObject } from './types.js';

const POD_KEYS = ['requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory', 'cpu', 'memory', 'pods'] as const;
type PodKey = (typeof POD_KEYS)[number];

const BIN: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };
const DEC: Record<string, number> = { m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12 };

/** A quantity as a number of base units (cores, bytes, count). */
export function quantityValue(q: unknown): number {
  const m = /^([0-9.]+)([A-Za-z]*)$/.exec(String(q ?? '').trim());
  if (!m) return NaN;
  const unit = m[2] ?? '';
  return Number(m[1]) * (BIN[unit] ?? DEC[unit] ?? (unit === '' ? 1 : NaN));
}

function format(key: string, value: number): string {
  if (key.endsWith('cpu')) return Number.isInteger(value) ? String(value) : `${Math.round(value * 1000)}m`;
  if (key.endsWith('memory') || key.endsWith('storage')) {
    for (const [unit, size] of [
      ['Gi', 2 ** 30],
      ['Mi', 2 ** 20],
      ['Ki', 2 ** 10],
    ] as const)
      if (value >= size && value % size === 0) return `${value / size}${unit}`;
  }
  return String(value);
}

interface Container {
  name?: string;
  resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
}

function containersOf(pod: KObject): Container[] {
  return ((pod.spec?.containers ?? []) as Container[]).filter((c) => c && typeof c === 'object');
}

/** LimitRanger: fills in each container's missing requests and limits from the namespace's LimitRanges. */
export function applyLimitRangeDefaults(store: Store, pod: KObject): void {
  const ranges = store.list('limitranges', pod.metadata.namespace);
  for (const range of ranges) {
    for (const item of (range.spec?.limits ?? []) as Json[]) {
      if (item?.type !== 'Container') continue;
      for (const c of containersOf(pod)) {
        const resources = (c.resources ??= {});
        for (const [resource, value] of Object.entries((item.default ?? {}) as Record<string, unknown>)) {
          resources.limits ??= {};
          if (resources.limits[resource] === undefined) resources.limits[resource] = value;
        }
        for (const resource of new Set([...Object.keys((item.defaultRequest ?? {}) as object), ...Object.keys(resources.limits ?? {})])) {
          resources.requests ??= {};
          if (resources.requests[resource] === undefined)
            resources.requests[resource] = (item.defaultRequest as Record<string, unknown> | undefined)?.[resource] ?? resources.limits?.[resource];
        }
      }
    }
  }
}

/** What one pod counts for, per quota key (undefined: a container does not say). */
function podUsage(pod: KObject): Record<PodKey, number | undefined> {
  const sum = (kind: 'requests' | 'limits', resource: 'cpu' | 'memory'): number | undefined => {
    let total = 0;
    for (const c of containersOf(pod)) {
      const v = c.resources?.[kind]?.[resource];
      if (v === undefined) return undefined;
      total += quantityValue(v);
    }
    return total;
  };
  const requestsCpu = sum('requests', 'cpu');
  const requestsMemory = sum('requests', 'memory');
  return {
    'requests.cpu': requestsCpu,
    'requests.memory': requestsMemory,
    cpu: requestsCpu,
    memory: requestsMemory,
    'limits.cpu': sum('limits', 'cpu'),
    'limits.memory': sum('limits', 'memory'),
    pods: 1,
  };
}

const terminal = (p: KObject): boolean => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';

/**
 * Admits a pod about to be created: LimitRange defaults, then every ResourceQuota of its namespace.
 * Throws the apiserver's 403 Forbidden (`pods "<name>" is forbidden: exceeded quota: …`) when refused.
 */
export function admitPod(store: Store, pod: KObject): void {
  applyLimitRangeDefaults(store, pod);
  const quotas = store.list('resourcequotas', pod.metadata.namespace);
  if (quotas.length === 0) return;
  const mine = podUsage(pod);
  const others = store.list('pods', pod.metadata.namespace).filter((p) => !terminal(p) && p.metadata.name !== pod.metadata.name);
  for (const quota of quotas) {
    const hard = Object.entries((quota.spec?.hard ?? {}) as Record<string, unknown>).filter(([k]) => (POD_KEYS as readonly string[]).includes(k)) as Array<
      [PodKey, unknown]
    >;
    const unspecified = hard.filter(([k]) => mine[k] === undefined).map(([k]) => k);
    if (unspecified.length > 0) {
      throw errors.forbidden('pods', '', pod.metadata.name, `failed quota: ${quota.metadata.name}: must specify ${unspecified.sort().join(',')}`);
    }
    const exceeded = hard
      .map(([k, limit]) => {
        const used = others.reduce((s, p) => s + (podUsage(p)[k] ?? 0), 0);
        return { k, used, requested: mine[k] ?? 0, limit: quantityValue(limit) };
      })
      .filter((x) => x.used + x.requested > x.limit + 1e-9) // sums of 256m are not exact in floating point
      .sort((a, b) => a.k.localeCompare(b.k));
    if (exceeded.length > 0) {
      const list = (f: (x: (typeof exceeded)[number]) => number) => exceeded.map((x) => `${x.k}=${format(x.k, f(x))}`).join(',');
      throw errors.forbidden(
        'pods',
        '',
        pod.metadata.name,
        `exceeded quota: ${quota.metadata.name}, requested: ${list((x) => x.requested)}, used: ${list((x) => x.used)}, limited: ${list((x) => x.limit)}`,
      );
    }
  }
}
