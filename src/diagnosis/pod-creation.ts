// A controller that could not create a pod: the ReplicaSet / StatefulSet controller's Warning event
// `FailedCreate`, mapped to a fix. The apiserver refused the pod, so no pod exists to describe or to
// read logs of; the refusal's own words (quota, admission webhook, Pod Security) say what to change.
//
// Event wordings, from the Kubernetes controllers (source not mirrored here; from knowledge of
// pkg/controller/controller_utils.go and pkg/controller/statefulset/stateful_pod_control.go, stable
// since 1.x): the ReplicaSet controller records `Error creating: <apiserver error>`, the StatefulSet
// controller `create Pod <pod> in StatefulSet <set> failed error: <apiserver error>`. The legacy event
// recorder merges 10+ similar events within 10 minutes into one prefixed `(combined from similar events): `.
import type { Cause } from './cause.js';
import { firstLine } from './cause.js';

/** Where the refusal happened (for the hints' kubectl commands). */
export interface PodCreationContext {
  namespace: string;
  /** "replicaset member-6d4f8b7c9", "statefulset member-postgresql": the object whose events say more. */
  owner: string;
}

const PREFIXES = [/^\(combined from similar events\):\s*/, /^Error creating:\s*/, /^create Pod \S+ in StatefulSet \S+ failed error:\s*/];

/** The apiserver's own refusal inside a FailedCreate event message (the controller's wrapping removed). */
export function apiserverRefusalOf(message: string): string {
  let text = message.trim();
  for (const p of PREFIXES) text = text.replace(p, '');
  return text;
}

/**
 * The cause of a FailedCreate event `message`: `quota-exceeded`, `quota-unspecified`, `webhook-denied`,
 * `pod-security` or `create-refused` (anything else, still quoted). `quote` is the event's first line.
 */
export function podCreationCause(message: string, ctx: PodCreationContext): Cause {
  const quote = firstLine(message);
  const refusal = apiserverRefusalOf(message);
  const ns = ctx.namespace;
  // Wordings of the apiserver's ResourceQuota admission (plugin/pkg/admission/resourcequota).
  const exceeded = /exceeded quota: ([^,\s]+)/.exec(refusal);
  if (exceeded) {
    const quota = exceeded[1]!;
    return {
      kind: 'quota-exceeded',
      quote,
      hint: `ResourceQuota ${quota} is full: \`kubectl describe resourcequota ${quota} -n ${ns}\` shows used and hard; raise it (for \`lifesub class\`: the roster's \`budget:\`) or remove what else runs in the namespace`,
    };
  }
  const unspecified = /failed quota: ([^:\s]+): must specify (.+)$/.exec(refusal);
  if (unspecified) {
    const quota = unspecified[1]!;
    return {
      kind: 'quota-unspecified',
      quote,
      hint: `ResourceQuota ${quota} admits only pods whose containers declare ${unspecified[2]}; give them defaults with a LimitRange (\`kubectl describe resourcequota,limitrange -n ${ns}\`)`,
    };
  }
  const webhook = /admission webhook "([^"]+)" denied the request/.exec(refusal);
  if (webhook) {
    return {
      kind: 'webhook-denied',
      quote,
      hint: `the admission webhook ${webhook[1]} refused the pod for the reason it gives; ask whoever runs it (\`kubectl get validatingwebhookconfigurations\`)`,
    };
  }
  if (/violates PodSecurity/.test(refusal)) {
    return {
      kind: 'pod-security',
      quote,
      hint: `the namespace's pod-security.kubernetes.io labels forbid the pod (\`kubectl get namespace ${ns} --show-labels\`)`,
    };
  }
  return { kind: 'create-refused', quote, hint: `the cluster refused to create the pod; see \`kubectl describe ${ctx.owner} -n ${ns}\`` };
}
