// Facts about a pod that decide its fate: does it fit the node, are its volumes bound, which workload
// owns it, are its ConfigMaps/Secrets there, how long its app takes to become ready.
import { podConfigError } from '../../apps/env.js';
import type { World } from '../../apps/world.js';
import type { DurationName, ImageCatalog } from '../../contract.js';
import { R } from '../resources.js';
import type { Store } from '../store.js';
import type { Json, KObject } from '../types.js';
import { ownerOf } from './context.js';
import { cpuCores, memoryBytes } from './helpers.js';

/** The single simulated node's allocatable capacity. */
export const NODE = { name: 'aks-nodepool1-sandbox', cpu: 4, memory: 16 * 2 ** 30 };

export function containers(pod: KObject): Json[] {
  return pod.spec?.containers ?? [];
}

/** "Insufficient cpu", … for requests the node cannot hold; empty when the pod fits. */
export function insufficient(pod: KObject): string[] {
  let cpu = 0;
  let mem = 0;
  for (const c of containers(pod)) {
    const req = c.resources?.requests ?? c.resources?.limits ?? {};
    cpu += cpuCores(req.cpu);
    mem += memoryBytes(req.memory);
  }
  return [...(cpu > NODE.cpu ? ['Insufficient cpu'] : []), ...(mem > NODE.memory ? ['Insufficient memory'] : [])];
}

export function unboundClaims(store: Store, pod: KObject): string[] {
  const ns = pod.metadata.namespace;
  return (pod.spec?.volumes ?? [])
    .map((v: Json) => v.persistentVolumeClaim?.claimName as string | undefined)
    .filter((c: string | undefined): c is string => !!c && store.get(R.pvcs, ns, c)?.status?.phase !== 'Bound');
}

/** The Deployment/StatefulSet name a pod belongs to (what faults name), else its app label or own name. */
export function workloadName(store: Store, pod: KObject): string {
  const rs = ownerOf(pod, 'ReplicaSet');
  if (rs) {
    const rsObj = store.get(R.replicasets, pod.metadata.namespace, rs.name);
    return (rsObj && ownerOf(rsObj, 'Deployment')?.name) ?? rs.name;
  }
  const sts = ownerOf(pod, 'StatefulSet');
  if (sts) return sts.name;
  return pod.metadata.labels?.app ?? pod.metadata.name;
}

/**
 * The first ConfigMap/Secret (or key of one) a container needs and cannot get, as the kubelet words it
 * (`secret "x" not found`, `couldn't find key password in Secret ns/x`).
 */
export function missingConfig(store: Store, pod: KObject, images?: ImageCatalog): string | undefined {
  return podConfigError(worldOf(store, images), pod);
}

/** The store (and registry) as the simulated apps see the world. */
export function worldOf(store: Store, images?: ImageCatalog): World {
  return {
    // The apps only read the world: the stored (frozen) objects themselves, no copies.
    get: (r, ns, name) => store.peek(r, ns, name),
    list: (r, ns) => store.view(r, ns),
    simOf: (o) => store.simOf(o),
    imageBuildArgs: (ref) => images?.buildArgs?.(ref),
  };
}

function probePaths(c: Json): string[] {
  return [c.readinessProbe, c.startupProbe, c.livenessProbe].map((p) => p?.httpGet?.path).filter((p): p is string => typeof p === 'string');
}

export function isIngressController(pod: KObject): boolean {
  return pod.metadata.labels?.['app.kubernetes.io/name'] === 'ingress-nginx' || containers(pod).some((c) => /ingress-nginx\/controller/.test(c.image ?? ''));
}

export function isSpringBoot(pod: KObject): boolean {
  return containers(pod).some((c) => probePaths(c).some((p) => p.startsWith('/actuator')));
}

export function isPostgres(pod: KObject): boolean {
  return containers(pod).some((c) => /postgres/.test(c.image ?? ''));
}

/** Which profile duration the app inside takes from start to Ready. */
export function readyDelayName(pod: KObject): DurationName {
  if (isIngressController(pod)) return 'ingressControllerReady';
  if (isPostgres(pod)) return 'postgresReady';
  if (isSpringBoot(pod)) return 'springBootReady';
  return 'nginxReady';
}

export function podIp(uid: string | undefined): string {
  let h = 0;
  for (const ch of uid ?? '') h = (h * 33 + ch.charCodeAt(0)) >>> 0;
  return `10.244.${(h >>> 8) % 256}.${2 + (h % 250)}`;
}
