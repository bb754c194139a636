// Why the API server refused a write, from its Status message:
//   403  `ingresses.networking.k8s.io "x" is forbidden: User "u" cannot create resource "ingresses" in API
//        group "networking.k8s.io" in the namespace "ns"` (RBAC: a permission, not a stale login)
//   400  `admission webhook "validate.nginx.ingress.kubernetes.io" denied the request: <why>`
//        (k8s.io/apiserver pkg/admission/plugin/webhook/errors ToStatusErr)
//   500  `Internal error occurred: failed calling webhook "<name>": failed to call webhook: Post "https://…": dial tcp …`
import { firstLine, type Cause } from './cause.js';

/** The RBAC refusal in a 403 message: who may not do what, or undefined when it is not worded so. */
export function rbacDenial(message: string): { user: string; verb: string; resource: string; group: string; namespace?: string } | undefined {
  const m = /User "([^"]*)" cannot (\w+) resource "([^"]+)" in API group "([^"]*)"(?: in the namespace "([^"]+)")?/.exec(message);
  if (!m) return undefined;
  return { user: m[1]!, verb: m[2]!, resource: m[3]!, group: m[4]!, ...(m[5] ? { namespace: m[5] } : {}) };
}

/** The cause of a refused write or read (`message`: the Status message or a tool's stderr), if known. */
export function apiRefusalCause(message: string): Cause | undefined {
  const denied = /admission webhook "([^"]+)" denied the request:?\s*(.*)/.exec(message);
  if (denied) {
    const webhook = denied[1]!;
    const why = firstLine(denied[2] ?? '');
    const duplicate = /is already defined in ingress ([^\s/]+)\/(\S+)/.exec(why);
    return {
      kind: 'admission-denied',
      quote: firstLine(denied[0]),
      summary: `admission webhook "${webhook}" denied the request`,
      hint: duplicate
        ? `the webhook ${webhook} refuses a host and path that Ingress ${duplicate[2]} in namespace ${duplicate[1]} already serves; give this lab its own host (--config ingress host) or remove the other Ingress`
        : `the cluster's admission webhook ${webhook} refused the object; fix what it says, or ask the cluster admin about that webhook (\`kubectl get validatingwebhookconfigurations\`)`,
    };
  }
  const calling = /failed calling webhook "([^"]+)":?\s*(.*)/.exec(message);
  if (calling) {
    return {
      kind: 'admission-unreachable',
      quote: firstLine(calling[0]),
      summary: `admission webhook "${calling[1]}" does not answer`,
      hint: `the admission webhook ${calling[1]} does not answer (its controller pod is not ready or was removed); wait for it, or if its controller is gone delete its leftover ValidatingWebhookConfiguration`,
    };
  }
  const rbac = rbacDenial(message);
  if (rbac) {
    const group = rbac.group ? `${rbac.resource}.${rbac.group}` : rbac.resource;
    const where = rbac.namespace ? ` -n ${rbac.namespace}` : ' --all-namespaces';
    return {
      kind: 'rbac-forbidden',
      summary: `${rbac.user} may not ${rbac.verb} ${group} (forbidden)`,
      quote: firstLine(message.slice(message.search(/\S+ (?:"[^"]*" )?is forbidden|User "/))),
      hint: `this is a permission, not an expired login: ${rbac.user} may not ${rbac.verb} ${group}${rbac.namespace ? ` in ${rbac.namespace}` : ''}; ask the cluster admin for a Role that allows it (check with \`kubectl auth can-i ${rbac.verb} ${group}${where}\`)`,
    };
  }
  return undefined;
}
