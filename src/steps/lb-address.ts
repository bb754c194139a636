// The address a LoadBalancer Service was given, as host[:port]. Shared by ingress-address and
// web-address. A non-80 port is kept because some environments (the sandbox) publish one there.
import type { KubeObject } from '../adapters/types.js';
import type { StepContext } from '../graph/step.js';
import { budgetMs } from './budget.js';

interface LoadBalancerIngress {
  ip?: string;
  hostname?: string;
  ports?: Array<{ port?: number }>;
}

/** host[:port] from `status.loadBalancer.ingress[0]`, or undefined while none is assigned. */
export function loadBalancerAddress(service: KubeObject | undefined): string | undefined {
  const status = service?.status as { loadBalancer?: { ingress?: LoadBalancerIngress[] } } | undefined;
  const first = status?.loadBalancer?.ingress?.[0];
  const host = first?.ip || first?.hostname;
  if (!host) return undefined;
  const port = first?.ports?.[0]?.port;
  return port !== undefined && port !== 80 ? `${host}:${port}` : host;
}

/** Waits (bounded by timeouts.loadBalancer) until the Service has an address. */
export async function waitForLoadBalancer(ctx: StepContext, namespace: string, name: string): Promise<string> {
  ctx.log(`waiting for the LoadBalancer address of service ${name}`);
  return ctx.adapters.kube.waitFor({ apiVersion: 'v1', kind: 'Service', name, namespace }, loadBalancerAddress, {
    signal: ctx.signal,
    timeoutMs: budgetMs(ctx.settings, 'loadBalancer'),
    describe: `LoadBalancer address of service ${name} in ${namespace}`,
    hint: `the cloud load balancer did not assign an address; check \`kubectl describe svc ${name} -n ${namespace}\` events, quota of public IPs`,
  });
}
