// Which pods stand behind a Service, as kube-proxy would pick them: selected by labels, and Ready.
import { isPodReady } from '../apiserver/controllers/workload-pods.js';
import { R } from '../apiserver/resources.js';
import { selectsLabels } from '../apiserver/selectors.js';
import type { KObject } from '../apiserver/types.js';
import type { World } from '../apps/world.js';

/** Read access to the cluster and the sandbox's per-object records (the API server's store satisfies it). */
export type ClusterReader = World;

export function readyPodsOf(cluster: Pick<World, 'list'>, service: KObject): KObject[] {
  const selector = service.spec?.selector as Record<string, string> | undefined;
  if (!selector || Object.keys(selector).length === 0) return [];
  return cluster
    .list(R.pods, service.metadata.namespace)
    .filter((p) => !p.metadata.deletionTimestamp && selectsLabels(selector, p.metadata.labels) && isPodReady(p));
}

export function isIngressControllerService(service: KObject): boolean {
  return service.metadata.name === 'ingress-nginx-controller' || service.spec?.selector?.['app.kubernetes.io/name'] === 'ingress-nginx';
}
