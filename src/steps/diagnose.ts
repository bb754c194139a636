// Why a workload is not ready: finds its most telling unhealthy pod and explains it in the user's
// terms (with the last log lines of a crashing app, or the scheduler's complaint), plus a hint. When
// pods are missing because the cluster refused to create them (a ResourceQuota, an admission webhook),
// there is no pod to explain: the controller's FailedCreate event quotes the refusal instead.
import type { Kube, KubeObject } from '../adapters/types.js';
import { redact } from '../adapters/redact.js';
import { PULL_SECRET } from '../render/index.js';
import { imagePullCause, podCreationCause, type Cause } from '../diagnosis/index.js';
import { isTerminating } from './ownership.js';
import { podProblem, type PodProblem } from './pod-problem.js';

export interface Workload {
  apiVersion: string;
  kind: 'Deployment' | 'StatefulSet';
  name: string;
  namespace: string;
}

/** Pods are missing because the controller could not create them (its Warning event FailedCreate). */
export interface CreateRefusal {
  kind: 'refused';
  /** The object the event is about, as kubectl names it: "replicaset member-6d4f8b7c9", "statefulset member-postgresql". */
  owner: string;
  reason: 'FailedCreate';
  /** The event's message, the controller's and the apiserver's own words. */
  message: string;
  cause: Cause;
  /**
   * Never fatal by itself: a refusal can heal without lifesub (terminating pods free their quota), so
   * the waits give it a grace (ReadinessOptions.refusalGraceMs) before they fail.
   */
  fatal: false;
}

export interface Diagnosis {
  problem: PodProblem | CreateRefusal;
  /** "pod member-xyz ImagePullBackOff: Back-off pulling image …", "replicaset member-6d4f8b7c9 FailedCreate: Error creating: …" */
  summary: string;
  hint?: string;
  /** Redacted log lines or scheduler events. */
  details?: string;
}

export interface DiagnoseOptions {
  signal: AbortSignal;
  /** Fetch logs and events (costly; only when reporting a failure). */
  final: boolean;
  /** Secrets to scrub from log lines. */
  secrets: readonly string[];
  /** The student's registry login server: a missing image there is "not pushed", elsewhere "gone upstream". */
  loginServer?: string;
  /** The workload as last read (saves a GET); read when absent. */
  live?: KubeObject;
}

const LOG_LINES = 10;

/**
 * Lists the workload's pods by selector and explains the most telling unhealthy one; a pod problem that
 * will not fix itself comes first, then a refusal to create pods (see createRefusal), then any other
 * pod problem. Undefined when nothing is wrong yet (or no selector is known and no pod is refused).
 */
export async function diagnose(
  kube: Kube,
  workload: Workload,
  selector: Record<string, string> | undefined,
  options: DiagnoseOptions,
): Promise<Diagnosis | undefined> {
  const labelSelector = selector && Object.keys(selector).length > 0 ? labelSelectorOf(selector) : undefined;
  const pods = labelSelector ? await kube.list('v1', 'Pod', workload.namespace, { labelSelector }, options.signal) : [];
  const problems = pods
    .filter((p) => !isTerminating(p))
    .map(podProblem)
    .filter((p): p is PodProblem => p !== undefined);
  const problem = problems.find((p) => p.fatal) ?? problems.find((p) => p.kind !== 'starting') ?? problems[0];
  if (problem?.fatal) return explainPod(kube, workload, problem, options);
  const refusal = await createRefusal(kube, workload, labelSelector, options);
  if (refusal) return { problem: refusal, summary: redact(`${refusal.owner} FailedCreate: ${refusal.cause.quote}`, options.secrets), hint: refusal.cause.hint };
  return problem ? explainPod(kube, workload, problem, options) : undefined;
}

function labelSelectorOf(selector: Record<string, string>): string {
  return Object.entries(selector)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

async function explainPod(kube: Kube, workload: Workload, problem: PodProblem, options: DiagnoseOptions): Promise<Diagnosis> {
  const restarts = problem.kind === 'crash' ? ` (restarted ${problem.restartCount} times)` : '';
  const summary = `pod ${problem.pod} ${problem.reason}${problem.message ? `: ${problem.message}` : ''}${restarts}`;
  const diagnosis: Diagnosis = { problem, summary: redact(summary, options.secrets), hint: hintFor(problem, workload) };
  if (options.final || problem.fatal) {
    if (problem.kind === 'image') {
      // The pod status only says ErrImagePull/ImagePullBackOff; the kubelet's Failed events say why.
      const cause = await imageCause(kube, workload.namespace, problem, options);
      if (cause) {
        diagnosis.hint = cause.hint;
        if (cause.summary) diagnosis.summary = redact(`pod ${problem.pod} ${problem.reason}: ${cause.summary}`, options.secrets);
        diagnosis.details = redact(cause.quote, options.secrets);
      }
      return diagnosis;
    }
    const details = await detailsFor(kube, workload.namespace, problem, options);
    if (details) diagnosis.details = details;
  }
  return diagnosis;
}

interface Replicas {
  spec?: { replicas?: number };
  status?: { replicas?: number };
}

/** Fewer pods exist than the object wants (status.replicas counts created pods, ready or not). */
function missingPods(obj: KubeObject): boolean {
  const { spec, status } = obj as Replicas;
  return (status?.replicas ?? 0) < (spec?.replicas ?? 1);
}

interface OwnerReference {
  kind?: string;
  name?: string;
  uid?: string;
  controller?: boolean;
}

/**
 * A Deployment's current ReplicaSet lacks pods: fewer pods run its newest template (updatedReplicas)
 * than the Deployment wants. Only then are its ReplicaSets listed (the readiness poll runs every 5 s).
 */
function missingUpdatedPods(deployment: KubeObject): boolean {
  const spec = (deployment.spec ?? {}) as { replicas?: number };
  const status = (deployment.status ?? {}) as { updatedReplicas?: number };
  return (status.updatedReplicas ?? 0) < (spec.replicas ?? 1);
}

function isControlledBy(obj: KubeObject, owner: KubeObject): boolean {
  return ((obj.metadata.ownerReferences ?? []) as OwnerReference[]).some(
    (r) => r.controller === true && r.kind === owner.kind && (owner.metadata.uid ? r.uid === owner.metadata.uid : r.name === owner.metadata.name),
  );
}

/**
 * The newest FailedCreate of the object creating the workload's pods — the StatefulSet itself, or each
 * ReplicaSet of the Deployment (the current one, and an old one still scaling) — while it has fewer pods
 * than it wants. Events of an earlier object of the same name (another uid) do not count.
 */
async function createRefusal(kube: Kube, workload: Workload, labelSelector: string | undefined, options: DiagnoseOptions): Promise<CreateRefusal | undefined> {
  const live =
    options.live ??
    (await kube.get({ apiVersion: workload.apiVersion, kind: workload.kind, name: workload.name, namespace: workload.namespace }, options.signal));
  if (!live) return undefined;
  let creators: KubeObject[];
  if (workload.kind === 'StatefulSet') creators = missingPods(live) ? [live] : [];
  else if (!labelSelector || !missingUpdatedPods(live)) return undefined;
  else {
    const sets = await kube.list('apps/v1', 'ReplicaSet', workload.namespace, { labelSelector }, options.signal);
    creators = sets.filter((rs) => isControlledBy(rs, live) && missingPods(rs));
  }
  for (const creator of creators) {
    const event = await newestFailedCreate(kube, creator, options.signal);
    if (!event) continue;
    const owner = `${creator.kind.toLowerCase()} ${creator.metadata.name}`;
    const message = String(event.message ?? '');
    return {
      kind: 'refused',
      owner,
      reason: 'FailedCreate',
      message,
      cause: podCreationCause(message, { namespace: workload.namespace, owner }),
      fatal: false,
    };
  }
  return undefined;
}

interface CoreEvent {
  reason?: string;
  message?: string;
  involvedObject?: { kind?: string; uid?: string };
  lastTimestamp?: string;
  eventTime?: string;
  firstTimestamp?: string;
  series?: { lastObservedTime?: string };
}

/** When the event last happened: core/v1 events from the legacy recorder set lastTimestamp, events.k8s.io ones eventTime/series. */
function lastSeen(e: CoreEvent): string {
  return e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? '';
}

async function newestFailedCreate(kube: Kube, obj: KubeObject, signal: AbortSignal): Promise<CoreEvent | undefined> {
  const events = (await kube.list('v1', 'Event', obj.metadata.namespace, { fieldSelector: `involvedObject.name=${obj.metadata.name}` }, signal)) as CoreEvent[];
  const uid = obj.metadata.uid;
  return events
    .filter((e) => e.reason === 'FailedCreate' && e.involvedObject?.kind === obj.kind && (!uid || !e.involvedObject.uid || e.involvedObject.uid === uid))
    .sort((a, b) => lastSeen(b).localeCompare(lastSeen(a)))[0];
}

function hintFor(p: PodProblem, w: Workload): string | undefined {
  switch (p.kind) {
    case 'image':
      return `check the image was pushed${p.image ? ` (${p.image})` : ''}, the registry name, and the pull secret ${PULL_SECRET} in ${w.namespace}`;
    case 'crash':
      return `the app crashes at start; see logs (\`kubectl logs ${p.pod} -n ${w.namespace} --previous\`)`;
    case 'config':
      return `a ConfigMap or Secret the pod refers to is missing or lacks a key; \`kubectl describe pod ${p.pod} -n ${w.namespace}\``;
    case 'unschedulable':
      return 'the cluster has no room for the pod (CPU, memory or volumes); free resources or add nodes';
    case 'starting':
      return `still starting; \`kubectl describe pod ${p.pod} -n ${w.namespace}\` shows its events`;
  }
}

async function imageCause(kube: Kube, namespace: string, p: PodProblem, options: DiagnoseOptions): Promise<Cause | undefined> {
  const events = await kube.list('v1', 'Event', namespace, { fieldSelector: `involvedObject.name=${p.pod}` }, options.signal);
  const messages = events
    .filter((e) => (e as { reason?: string }).reason === 'Failed')
    .sort((a, b) => String((a as { lastTimestamp?: string }).lastTimestamp ?? '').localeCompare(String((b as { lastTimestamp?: string }).lastTimestamp ?? '')))
    .map((e) => String((e as { message?: string }).message ?? ''));
  return imagePullCause([...messages, p.message], {
    image: p.image ?? '',
    ...(options.loginServer ? { loginServer: options.loginServer } : {}),
    namespace,
    pullSecret: PULL_SECRET,
  });
}

async function detailsFor(kube: Kube, namespace: string, p: PodProblem, options: DiagnoseOptions): Promise<string | undefined> {
  if (p.kind === 'crash') {
    const logs = await kube.podLogs(namespace, p.pod, p.container, LOG_LINES, options.signal);
    const lines = logs
      .split('\n')
      .filter((l) => l.trim() !== '')
      .slice(-LOG_LINES);
    return lines.length > 0 ? redact(lines.join('\n'), options.secrets) : undefined;
  }
  if (p.kind === 'unschedulable') {
    const events = await kube.list('v1', 'Event', namespace, { fieldSelector: `involvedObject.name=${p.pod}` }, options.signal);
    const messages = events
      .filter((e) => (e as { reason?: string }).reason === 'FailedScheduling')
      .map((e) => `FailedScheduling: ${(e as { message?: string }).message ?? ''}`);
    return messages.length > 0 ? [...new Set(messages)].join('\n') : undefined;
  }
  return undefined;
}
