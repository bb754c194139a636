// `lifesub status`: a read-only look at what exists for an ID — namespace, releases, workloads and
// addresses — with the same readiness rules `up` waits for.
import type { Adapters, KubeObject } from '../adapters/types.js';
import type { Settings } from '../config/schema.js';
import { UserError } from '../core/errors.js';
import { statusCauses, type StatusCause } from '../diagnosis/status.js';
import { renderManifests, studentRoutes } from '../render/index.js';
import { lookUpControllerService } from '../steps/ingress-controller.js';
import { loadBalancerAddress as addressOf } from '../steps/lb-address.js';

export interface WorkloadStatus {
  kind: string;
  name: string;
  ready: number;
  desired: number;
}

export interface Status {
  id: string;
  namespace: string;
  namespaceState: 'absent' | 'active' | 'terminating' | 'not-lifesub';
  releases: Array<{ name: string; status: string; chart: string }>;
  workloads: WorkloadStatus[];
  urls: { web?: string; api?: string };
  ready: boolean;
  /** Why something is not right, in the cluster's words (src/diagnosis: the same causes `up` and `down` name). */
  causes?: StatusCause[];
}

export async function collectStatus(settings: Settings, adapters: Pick<Adapters, 'kube' | 'helm'>, signal: AbortSignal): Promise<Status> {
  const { kube, helm } = adapters;
  const ns = settings.namespace;
  const base: Status = { id: settings.id, namespace: ns, namespaceState: 'absent', releases: [], workloads: [], urls: {}, ready: false };
  const nsObj = await kube.get({ apiVersion: 'v1', kind: 'Namespace', name: ns }, signal);
  // The controller `up` used: the configured one, else whichever serves IngressClass nginx (any namespace).
  const configured = { namespace: settings.config.ingress.namespace, service: settings.config.ingress.service };
  const controller = (await kube.get({ apiVersion: 'v1', kind: 'Service', name: configured.service, namespace: configured.namespace }, signal))
    ? configured
    : await lookUpControllerService(kube, signal);
  const ingressSvc = controller
    ? await kube.get({ apiVersion: 'v1', kind: 'Service', name: controller.service, namespace: controller.namespace }, signal)
    : undefined;
  const api = ingressSvc ? addressOf(ingressSvc) : undefined;
  if (api) base.urls.api = apiUrl(settings, api);
  if (!nsObj) return base;
  const labels = nsObj.metadata.labels ?? {};
  if (labels['app.kubernetes.io/managed-by'] !== 'lifesub' || labels['lifesub.io/id'] !== settings.id) return { ...base, namespaceState: 'not-lifesub' };
  const state = nsObj.metadata.deletionTimestamp ? 'terminating' : 'active';

  const releases = (await helm.list(ns, { signal })).map((r) => ({ name: r.name, status: r.status, chart: r.chart }));
  const workloads: WorkloadStatus[] = [];
  const expected = renderManifests({ settings }).filter((o) => o.kind === 'Deployment');
  for (const d of expected) {
    const live = await kube.get({ apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata.name, namespace: ns }, signal);
    workloads.push(workload('Deployment', d.metadata.name, live));
  }
  for (const s of settings.config.services.filter((x) => x.kind === 'backend')) {
    const name = `${s.database}-postgresql`;
    const live = await kube.get({ apiVersion: 'apps/v1', kind: 'StatefulSet', name, namespace: ns }, signal);
    workloads.push(workload('StatefulSet', name, live));
  }
  const webSvc = await kube.get({ apiVersion: 'v1', kind: 'Service', name: 'lifesub-web', namespace: ns }, signal);
  const web = webSvc ? addressOf(webSvc) : undefined;
  if (web) base.urls.web = `http://${web}`;
  const ready = state === 'active' && workloads.every((w) => w.desired > 0 && w.ready >= w.desired) && !!web && !!api;
  const causes = ready
    ? []
    : await statusCauses(
        kube,
        {
          settings,
          namespace: nsObj,
          notReady: workloads.filter((w) => w.desired > 0 && w.ready < w.desired).map((w) => ({ kind: w.kind as 'Deployment' | 'StatefulSet', name: w.name })),
          noAddress: webSvc && !web ? [{ namespace: ns, name: 'lifesub-web' }] : [],
        },
        signal,
      );
  return { ...base, namespaceState: state, releases, workloads, ready, ...(causes.length ? { causes } : {}) };
}

function workload(kind: string, name: string, live: KubeObject | undefined): WorkloadStatus {
  const spec = (live?.spec ?? {}) as { replicas?: number };
  const status = (live?.status ?? {}) as { readyReplicas?: number };
  return { kind, name, desired: live ? (spec.replicas ?? 1) : 0, ready: status.readyReplicas ?? 0 };
}

/** The student's API root on the controller (their nip.io host or /<id>), as `up` reported it. */
function apiUrl(settings: Settings, address: string): string {
  try {
    return studentRoutes(settings, address).root;
  } catch (err) {
    if (err instanceof UserError) return `http://${address}`;
    throw err;
  }
}
