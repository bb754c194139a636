// Why a workload is not ready: finds its most telling unhealthy pod and explains it in the user's
// terms (with the last log lines of a crashing app, or the scheduler's complaint), plus a hint.
import type { Kube, KubeObject } from '../adapters/types.js';
import { redact } from '../adapters/redact.js';
import { PULL_SECRET } from '../render/index.js';
import { imagePullCause, type Cause } from '../diagnosis/index.js';
import { isTerminating } from './ownership.js';
import { podProblem, type PodProblem } from './pod-problem.js';

export interface Workload {
  apiVersion: string;
  kind: 'Deployment' | 'StatefulSet';
  name: string;
  namespace: string;
}

export interface Diagnosis {
  problem: PodProblem;
  /** "pod member-xyz ImagePullBackOff: Back-off pulling image …" */
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
}

const LOG_LINES = 10;

/** Lists the workload's pods by selector; undefined when no pod has a problem (or none exist yet). */
export async function diagnose(
  kube: Kube,
  workload: Workload,
  selector: Record<string, string> | undefined,
  options: DiagnoseOptions,
): Promise<Diagnosis | undefined> {
  if (!selector || Object.keys(selector).length === 0) return undefined;
  const labelSelector = Object.entries(selector)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  const pods = await kube.list('v1', 'Pod', workload.namespace, { labelSelector }, options.signal);
  const problems = pods
    .filter((p) => !isTerminating(p))
    .map(podProblem)
    .filter((p): p is PodProblem => p !== undefined);
  const problem = problems.find((p) => p.fatal) ?? problems.find((p) => p.kind !== 'starting') ?? problems[0];
  if (!problem) return undefined;

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
