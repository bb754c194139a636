// `lifesub status`: a read-only look at what exists for an ID — namespace, Helm releases, workloads
// with the reason of each pod that is not ready, LoadBalancer addresses and whether the URLs answer —
// judged by the rules `up` waits for (rollout.ts, pod-problem.ts, diagnose.ts, smoke-checks.ts).
import type { Adapters, HelmRelease, KubeObject } from '../adapters/types.js';
import type { Settings } from '../config/schema.js';
import { UserError } from '../core/errors.js';
import { statusCauses, type StatusCause } from '../diagnosis/status.js';
import { renderManifests, studentRoutes } from '../render/index.js';
import { diagnose } from '../steps/diagnose.js';
import { lookUpControllerService } from '../steps/ingress-controller.js';
import { loadBalancerAddress as addressOf } from '../steps/lb-address.js';
import { isTerminating, ownedBy } from '../steps/ownership.js';
import { podProblem } from '../steps/pod-problem.js';
import { readyReplicas, rolledOut } from '../steps/rollout.js';
import { probeUrls, type UrlCheck } from './probe.js';

/** One pod that is not ready, in Kubernetes' words (pod-problem.ts). */
export interface PodNotReady {
  pod: string;
  /** ImagePullBackOff, CrashLoopBackOff, Unschedulable, NotReady, … */
  reason: string;
  message: string;
}

export interface WorkloadStatus {
  kind: 'Deployment' | 'StatefulSet';
  name: string;
  /** Ready replicas (available, for a Deployment); 0 when missing. */
  ready: number;
  /** Replicas wanted (spec.replicas, default 1); 0 when the workload does not exist. */
  desired: number;
  /** Exists and has rolled out (`kubectl rollout status` semantics), as `up` waits for. */
  rolledOut: boolean;
  pods: PodNotReady[];
  /** diagnose.ts: the most telling problem and its fix, when a pod has one. */
  diagnosis?: { summary: string; hint?: string };
}

export interface ReleaseStatus {
  name: string;
  namespace: string;
  /** Helm's status (deployed, failed, pending-install, …) or `missing` for an expected release. */
  status: string;
  chart: string;
}

export interface Status {
  id: string;
  namespace: string;
  namespaceState: 'absent' | 'active' | 'terminating' | 'not-lifesub';
  /** Nothing of this ID on the cluster (no lifesub namespace, no release): `status` exits 3. */
  found: boolean;
  releases: ReleaseStatus[];
  workloads: WorkloadStatus[];
  /** LoadBalancer addresses: the shared ingress controller (APIs) and the frontend Service lifesub-web. */
  addresses: { ingress?: string; web?: string };
  urls: { web?: string; api?: string };
  /** Whether the URLs answer as `up`'s smoke check expects; empty when not probed. */
  checks: UrlCheck[];
  ready: boolean;
  /** Why something is not right, in the cluster's words (src/diagnosis: the same causes `up` and `down` name). */
  causes?: StatusCause[];
}

export interface CollectOptions {
  /** Ask the URLs (default true; `lifesub list` skips it). */
  probe?: boolean;
  /** Releases already listed (`helm list -A`), so many IDs need one helm call. */
  releases?: HelmRelease[];
}

export async function collectStatus(
  settings: Settings,
  adapters: Pick<Adapters, 'kube' | 'helm' | 'http'>,
  signal: AbortSignal,
  options: CollectOptions = {},
): Promise<Status> {
  const { kube, helm } = adapters;
  const ns = settings.namespace;
  const base: Status = {
    id: settings.id,
    namespace: ns,
    namespaceState: 'absent',
    found: false,
    releases: [],
    workloads: [],
    addresses: {},
    urls: {},
    checks: [],
    ready: false,
  };
  const nsObj = await kube.get({ apiVersion: 'v1', kind: 'Namespace', name: ns }, signal);
  if (!nsObj) return base;
  if (!ownedBy(nsObj, settings.id)) return { ...base, namespaceState: 'not-lifesub' };
  const state = isTerminating(nsObj) ? 'terminating' : 'active';

  // The controller `up` used: the configured one, else whichever serves IngressClass nginx (any namespace).
  const configured = { namespace: settings.config.ingress.namespace, service: settings.config.ingress.service };
  const controllerSvc = await kube.get({ apiVersion: 'v1', kind: 'Service', name: configured.service, namespace: configured.namespace }, signal);
  const controller = controllerSvc ? configured : await lookUpControllerService(kube, signal);
  const ingressSvc =
    controllerSvc ??
    (controller ? await kube.get({ apiVersion: 'v1', kind: 'Service', name: controller.service, namespace: controller.namespace }, signal) : undefined);
  const ingress = ingressSvc ? addressOf(ingressSvc) : undefined;
  const webSvc = await kube.get({ apiVersion: 'v1', kind: 'Service', name: 'lifesub-web', namespace: ns }, signal);
  const web = webSvc ? addressOf(webSvc) : undefined;
  const addresses = { ...(ingress ? { ingress } : {}), ...(web ? { web } : {}) };
  const urls = { ...(web ? { web: `http://${web}` } : {}), ...(ingress ? { api: apiUrl(settings, ingress) } : {}) };

  const listed = options.releases?.filter((r) => r.namespace === ns) ?? (await helm.list(ns, { signal }));
  const releases = expectedReleases(settings).map(
    (name): ReleaseStatus => listed.find((r) => r.name === name) ?? { name, namespace: ns, status: 'missing', chart: '' },
  );
  releases.push(...listed.filter((r) => !releases.some((e) => e.name === r.name)));
  // The shared ingress controller's release, when it is the configured one (a controller found by its
  // IngressClass may not come from Helm at all): a failed upgrade of it breaks every lab's routes.
  if (controllerSvc) {
    const { release, namespace } = settings.config.ingress;
    const found = (options.releases ?? (await helm.list(namespace, { signal }))).find((r) => r.name === release && r.namespace === namespace);
    if (found) releases.push(found);
  }

  const workloads = await Promise.all(expectedWorkloads(settings).map((w) => workloadStatus(adapters, ns, w, signal)));
  const checks = options.probe === false || !web || !ingress ? [] : await probeUrls(settings, adapters.http, { web, ingress }, signal);

  const ready =
    state === 'active' &&
    releases.every((r) => r.status === 'deployed') &&
    workloads.every((w) => w.rolledOut) &&
    !!web &&
    !!ingress &&
    checks.every((c) => c.ok);
  // The causes in the cluster's own words (src/diagnosis, shared with up and down): a namespace stuck
  // terminating, a workload that is not ready, a LoadBalancer that never got its address.
  const causes = ready
    ? []
    : await statusCauses(
        kube,
        {
          settings,
          namespace: nsObj,
          notReady: workloads.filter((w) => w.desired > 0 && !w.rolledOut).map((w) => ({ kind: w.kind, name: w.name })),
          noAddress: webSvc && !web ? [{ namespace: ns, name: 'lifesub-web' }] : [],
        },
        signal,
      );
  return {
    ...base,
    namespaceState: state,
    found: true,
    releases: releases.map(({ name, namespace, status, chart }) => ({ name, namespace, status, chart })),
    workloads,
    addresses,
    urls,
    checks,
    ready,
    ...(causes.length ? { causes } : {}),
  };
}

/** The Helm releases `up` installs in the lab namespace: one PostgreSQL per backend (database.ts). */
function expectedReleases(settings: Settings): string[] {
  return settings.config.services.filter((s) => s.kind === 'backend').map((s) => s.database ?? s.name);
}

/** The workloads `up`'s readiness step waits for: every rendered Deployment and each database's StatefulSet. */
function expectedWorkloads(settings: Settings): Array<{ kind: WorkloadStatus['kind']; name: string }> {
  const deployments = renderManifests({ settings })
    .filter((o) => o.kind === 'Deployment')
    .map((o) => ({ kind: 'Deployment' as const, name: o.metadata.name }));
  const databases = settings.config.services
    .filter((s) => s.kind === 'backend' && s.database)
    .map((s) => ({ kind: 'StatefulSet' as const, name: `${s.database}-postgresql` }));
  return [...deployments, ...databases];
}

async function workloadStatus(
  adapters: Pick<Adapters, 'kube'>,
  namespace: string,
  w: { kind: WorkloadStatus['kind']; name: string },
  signal: AbortSignal,
): Promise<WorkloadStatus> {
  const { kube } = adapters;
  const live = await kube.get({ apiVersion: 'apps/v1', kind: w.kind, name: w.name, namespace }, signal);
  if (!live) return { ...w, ready: 0, desired: 0, rolledOut: false, pods: [] };
  const counts = readyReplicas(live);
  const done = rolledOut(live);
  if (done) return { ...w, ...counts, rolledOut: true, pods: [] };
  const selector = selectorOf(live);
  const pods = selector ? await kube.list('v1', 'Pod', namespace, { labelSelector: labelSelector(selector) }, signal) : [];
  const notReady = pods
    .filter((p) => !isTerminating(p))
    .map(podProblem)
    .filter((p) => p !== undefined)
    .map((p): PodNotReady => ({ pod: p.pod, reason: p.reason, message: p.message }));
  const d = await diagnose(kube, { apiVersion: 'apps/v1', kind: w.kind, name: w.name, namespace }, selector, { signal, final: false, secrets: [] });
  return { ...w, ...counts, rolledOut: false, pods: notReady, ...(d ? { diagnosis: { summary: d.summary, ...(d.hint ? { hint: d.hint } : {}) } } : {}) };
}

function selectorOf(obj: KubeObject): Record<string, string> | undefined {
  return (obj.spec as { selector?: { matchLabels?: Record<string, string> } } | undefined)?.selector?.matchLabels;
}

function labelSelector(selector: Record<string, string>): string {
  return Object.entries(selector)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
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
