// Why a LoadBalancer Service has no address: the cloud provider's service controller says so in a
// Warning event with reason SyncLoadBalancerFailed (k8s.io/cloud-provider controllers/service), e.g.
// on AKS `Error syncing load balancer: failed to ensure load balancer: … PublicIPCountLimitReached …`.
import type { KubeObject } from '../adapters/types.js';
import { firstLine, type Cause } from './cause.js';

interface EventLike {
  reason?: string;
  message?: string;
  lastTimestamp?: string;
  eventTime?: string;
}

/** The cause from the Service's events (newest SyncLoadBalancerFailed wins), or undefined. */
export function loadBalancerCause(service: string, namespace: string, events: readonly KubeObject[]): Cause | undefined {
  const failed = (events as unknown as EventLike[])
    .filter((e) => e.reason === 'SyncLoadBalancerFailed' && e.message)
    .sort((a, b) => String(a.lastTimestamp ?? a.eventTime ?? '').localeCompare(String(b.lastTimestamp ?? b.eventTime ?? '')));
  const last = failed[failed.length - 1];
  if (!last) return undefined;
  const message = firstLine(last.message!);
  const code =
    /"code"\s*:\s*"([A-Za-z]+)"|\b(PublicIPCountLimitReached|QuotaExceeded|InsufficientSubnetSize|AuthorizationFailed|LoadBalancerInUseByVirtualMachineScaleSet)\b/.exec(
      message,
    );
  const what = code ? (code[1] ?? code[2]) : undefined;
  return {
    kind: 'load-balancer-sync-failed',
    quote: `service ${service}: SyncLoadBalancerFailed: ${message}`,
    hint:
      what === 'PublicIPCountLimitReached' || what === 'QuotaExceeded'
        ? `the subscription has no public IP left (${what}): delete unused public IPs or LoadBalancer Services, or raise the quota`
        : what === 'AuthorizationFailed'
          ? "the cluster's identity may not manage the load balancer (AuthorizationFailed): ask the subscription admin to grant it Network Contributor on the node resource group"
          : `the cloud provider could not create the load balancer${what ? ` (${what})` : ''}; fix what its message says (\`kubectl describe svc ${service} -n ${namespace}\`)`,
  };
}
