// Which pods stand behind a Service, as kube-proxy would pick them: selected by labels, and Ready.
import { isPodReady } from '../apiserver/controllers/workload-pods.js';
import { R } from '../apiserver/resources.js';
import { selectsLabels } from '../apiserver/selectors.js';
import type { KObject } from '../apiserver/types.js';

/** Read access to the cluster (the API server's store satisfies it). */
export interface ClusterReader {
  get(resource: string, namespace: string | undefined, name: string): KObject | undefined;
  list(resource: string, namespace?: string): KObject[];
}

export function readyPodsOf(cluster: ClusterReader, service: KObject): KObject[] {
  const selector = service.spec?.selector as Record<string, string> | undefined;
  return cluster
    .list(R.pods, service.metadata.namespace)
    .filter((p) => !p.metadata.deletionTimestamp && selectsLabels(selector, p.metadata.labels) && isPodReady(p));
}

export function isIngressControllerService(service: KObject): boolean {
  return service.metadata.name === 'ingress-nginx-controller' || service.spec?.selector?.['app.kubernetes.io/name'] === 'ingress-nginx';
}
