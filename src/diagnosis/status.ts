// `lifesub status`: the same causes `up` and `down` name, for what is not right now — a namespace
// stuck in Terminating, a workload whose pods fail (image pulls, crashes, config, scheduling) or cannot
// be created (FailedCreate: a ResourceQuota, an admission webhook) and a LoadBalancer Service the
// cloud could not provision. Read-only.
import type { Kube, KubeObject } from '../adapters/types.js';
import type { Settings } from '../config/schema.js';
import { diagnose } from '../steps/diagnose.js';
import { loadBalancerCause } from './load-balancer.js';
import { namespaceTerminatingCause } from './namespace.js';

/** One cause found by `status`: what it is about, the cluster's words, and the fix. */
export interface StatusCause {
  /** "namespace alice-lifesub-ns", "deployment member", "service lifesub-web". */
  what: string;
  cause: string;
  hint?: string;
}

export interface StatusCauseInput {
  settings: Settings;
  namespace: KubeObject | undefined;
  /** Workloads that exist but are not ready. */
  notReady: ReadonlyArray<{ kind: 'Deployment' | 'StatefulSet'; name: string }>;
  /** LoadBalancer Services (namespace, name) that have no address. */
  noAddress: ReadonlyArray<{ namespace: string; name: string }>;
}

/** The causes for what `status` found wrong; secrets never appear (logs are not read here). */
export async function statusCauses(kube: Kube, input: StatusCauseInput, signal: AbortSignal): Promise<StatusCause[]> {
  const out: StatusCause[] = [];
  const ns = input.settings.namespace;
  const stuck = namespaceTerminatingCause(input.namespace);
  if (stuck) out.push({ what: `namespace ${ns}`, cause: stuck.quote, hint: stuck.hint });
  for (const w of input.notReady) {
    const apiVersion = 'apps/v1';
    const live = await kube.get({ apiVersion, kind: w.kind, name: w.name, namespace: ns }, signal);
    const selector = (live?.spec as { selector?: { matchLabels?: Record<string, string> } } | undefined)?.selector?.matchLabels;
    const d = await diagnose(kube, { apiVersion, kind: w.kind, name: w.name, namespace: ns }, selector, {
      signal,
      final: false,
      secrets: [],
      loginServer: input.settings.loginServer,
      ...(live ? { live } : {}),
    });
    // final=false reads no logs; an image problem still reads the kubelet's events when it is fatal.
    if (d) out.push({ what: `${w.kind.toLowerCase()} ${w.name}`, cause: d.summary, ...(d.hint ? { hint: d.hint } : {}) });
  }
  for (const s of input.noAddress) {
    const events = await kube.list('v1', 'Event', s.namespace, { fieldSelector: `involvedObject.name=${s.name}` }, signal);
    const c = loadBalancerCause(s.name, s.namespace, events);
    if (c) out.push({ what: `service ${s.name}`, cause: c.quote, hint: c.hint });
  }
  return out;
}
