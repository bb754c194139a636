// Why a namespace stays Terminating, from the conditions the namespace controller writes on it
// (k8s.io/kubernetes pkg/controller/namespace/deletion/namespaced_resources_deleter.go):
//   NamespaceFinalizersRemaining=True  "Some content in the namespace has finalizers remaining: <finalizer> in N resource instances"
//   NamespaceContentRemaining=True     "Some resources are remaining: <resource>.<group> has N resource instances"
//   NamespaceDeletionDiscoveryFailure=True  an aggregated API (metrics-server…) is down
import type { KubeObject } from '../adapters/types.js';
import type { Cause } from './cause.js';

interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

/** Finalizer names quoted in a NamespaceFinalizersRemaining message ("x in 2 resource instances, y in 1 …"). */
export function finalizersOf(message: string): string[] {
  const list = message.replace(/^.*?remaining:\s*/i, '');
  return [...list.matchAll(/([^\s,]+) in \d+ resource instances/g)].map((m) => m[1]!);
}

/**
 * The cause of a namespace hanging in Terminating, or undefined when it is not Terminating or its
 * conditions name nothing (the controller may simply not have finished yet).
 */
export function namespaceTerminatingCause(ns: KubeObject | undefined): Cause | undefined {
  if (!ns?.metadata.deletionTimestamp) return undefined;
  const name = ns.metadata.name;
  const conditions = ((ns.status as { conditions?: Condition[] } | undefined)?.conditions ?? []).filter((c) => c.status === 'True');
  const finalizers = conditions.find((c) => c.type === 'NamespaceFinalizersRemaining');
  if (finalizers?.message) {
    const names = finalizersOf(finalizers.message);
    return {
      kind: 'namespace-finalizers',
      quote: `namespace ${name}: ${finalizers.message}`,
      hint: `objects in ${name} carry finalizer${names.length === 1 ? '' : 's'} ${names.join(', ') || '(see the message)'} that no controller removes (its operator is gone or failing); find them with \`kubectl get all,pvc,configmap,secret -n ${name} -o custom-columns=KIND:.kind,NAME:.metadata.name,FINALIZERS:.metadata.finalizers\`, fix or reinstall that operator, or remove the finalizer if you know it is safe`,
    };
  }
  const discovery = conditions.find((c) => c.type === 'NamespaceDeletionDiscoveryFailure');
  if (discovery?.message) {
    return {
      kind: 'namespace-discovery',
      quote: `namespace ${name}: ${discovery.message}`,
      hint: 'an aggregated API of the cluster is unavailable (`kubectl get apiservice` shows which); fix or remove it so the namespace controller can list every kind',
    };
  }
  const content = conditions.find((c) => c.type === 'NamespaceContentRemaining' || c.type === 'NamespaceDeletionContentFailure');
  if (content?.message) {
    return {
      kind: 'namespace-content',
      quote: `namespace ${name}: ${content.message}`,
      hint: `the namespace controller is still deleting objects in ${name}; \`kubectl describe ns ${name}\` shows what is left`,
    };
  }
  return undefined;
}
