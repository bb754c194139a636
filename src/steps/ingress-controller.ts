// Finds the ingress-nginx controller already serving IngressClass `nginx`, whoever installed it and in
// whatever namespace. Facts (kubernetes/ingress-nginx charts/ingress-nginx): the IngressClass has
// `spec.controller: k8s.io/ingress-nginx`; the controller's Service is labelled
// `app.kubernetes.io/name=ingress-nginx`, `app.kubernetes.io/component=controller` and
// `app.kubernetes.io/instance=<release>`, in the release's namespace (also on the IngressClass as
// helm's `meta.helm.sh/release-namespace`). The admission Service shares the labels but is ClusterIP;
// `…-controller-internal` is a second, private LoadBalancer.
import type { Kube, KubeObject } from '../adapters/types.js';
import { ToolError } from '../core/errors.js';
import type { StepContext } from '../graph/step.js';

export const INGRESS_CLASS = 'nginx';
export const INGRESS_NGINX_CONTROLLER = 'k8s.io/ingress-nginx';
const SERVICE_SELECTOR = 'app.kubernetes.io/name=ingress-nginx,app.kubernetes.io/component=controller';

export interface IngressController {
  namespace: string;
  /** The controller's LoadBalancer Service. */
  service: string;
  /** The Helm release (instance label), when labelled. */
  release?: string;
}

/**
 * The controller serving IngressClass `nginx`, or undefined when that class does not exist. Throws
 * ToolError when the class belongs to another controller, or no LoadBalancer Service of it is found.
 */
export async function findIngressController(ctx: StepContext): Promise<IngressController | undefined> {
  const { kube } = ctx.adapters;
  const ingressClass = await kube.get({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', name: INGRESS_CLASS }, ctx.signal);
  if (!ingressClass) return undefined;
  const controller = (ingressClass['spec'] as { controller?: string } | undefined)?.controller;
  if (controller !== INGRESS_NGINX_CONTROLLER) {
    throw new ToolError(
      `IngressClass ${INGRESS_CLASS} on this cluster belongs to controller ${controller ?? '(none)'}, not ${INGRESS_NGINX_CONTROLLER} (ingress-nginx), which the lab's Ingress annotations are written for`,
      `ask whoever runs the cluster; see \`kubectl get ingressclass ${INGRESS_CLASS} -o yaml\``,
    );
  }
  const services = await kube.list('v1', 'Service', undefined, { labelSelector: SERVICE_SELECTOR }, ctx.signal);
  const picked = pickControllerService(ingressClass, services);
  if (!picked) {
    throw new ToolError(
      `IngressClass ${INGRESS_CLASS} exists (ingress-nginx) but no LoadBalancer Service labelled ${SERVICE_SELECTOR} was found in any namespace`,
      `see \`kubectl get svc -A -l ${SERVICE_SELECTOR}\`; if its Service is exposed another way, ask whoever installed the controller`,
    );
  }
  return picked;
}

/** Pure: the LoadBalancer Service of the class's release (by helm annotations/instance label), public before internal. */
export function pickControllerService(ingressClass: KubeObject, services: KubeObject[]): IngressController | undefined {
  const releaseNamespace = ingressClass.metadata.annotations?.['meta.helm.sh/release-namespace'];
  const release = ingressClass.metadata.annotations?.['meta.helm.sh/release-name'] ?? ingressClass.metadata.labels?.['app.kubernetes.io/instance'];
  const loadBalancers = services.filter((s) => (s['spec'] as { type?: string } | undefined)?.type === 'LoadBalancer');
  const ofRelease = loadBalancers.filter(
    (s) => (!releaseNamespace || s.metadata.namespace === releaseNamespace) && (!release || s.metadata.labels?.['app.kubernetes.io/instance'] === release),
  );
  const ranked = [...ofRelease].sort((a, b) => Number(a.metadata.name.endsWith('-internal')) - Number(b.metadata.name.endsWith('-internal')));
  const s = ranked[0];
  if (!s) return undefined;
  const instance = s.metadata.labels?.['app.kubernetes.io/instance'];
  return { namespace: s.metadata.namespace ?? 'default', service: s.metadata.name, ...(instance ? { release: instance } : {}) };
}

/**
 * For read-only callers (`status`): the ingress-nginx controller Service serving IngressClass nginx,
 * or undefined when there is none or it cannot be told (no error: status reports what it finds).
 */
export async function lookUpControllerService(kube: Kube, signal: AbortSignal): Promise<IngressController | undefined> {
  const ingressClass = await kube.get({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', name: INGRESS_CLASS }, signal);
  if ((ingressClass?.['spec'] as { controller?: string } | undefined)?.controller !== INGRESS_NGINX_CONTROLLER) return undefined;
  return pickControllerService(ingressClass!, await kube.list('v1', 'Service', undefined, { labelSelector: SERVICE_SELECTOR }, signal));
}
