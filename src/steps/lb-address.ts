// The address a LoadBalancer Service was given, as host[:port]. Shared by ingress-address and
// web-address. A non-80 port is kept because some environments (the sandbox) publish one there.
import type { KubeObject } from '../adapters/types.js';
import { isAbort, ToolError } from '../core/errors.js';
import type { StepContext } from '../graph/step.js';
import { budgetMs } from './budget.js';
import { loadBalancerCause } from '../diagnosis/index.js';

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

/** How long a Service may take to appear at all before we stop waiting for its address. */
export const APPEAR_WITHIN_MS = 30_000;

export interface MissingService {
  /** What we know about why it is missing, e.g. "the ingress release is in state failed". */
  why?: (signal: AbortSignal) => Promise<string | undefined>;
  hint: string;
}

/**
 * Waits (bounded by timeouts.loadBalancer) until the Service has an address. A Service that does not
 * exist when the wait starts and has not appeared after APPEAR_WITHIN_MS (or 90% of the budget, if
 * smaller) is never going to get one: fail then, saying so, instead of waiting out the whole budget.
 */
export async function waitForLoadBalancer(ctx: StepContext, namespace: string, name: string, missing?: MissingService): Promise<string> {
  ctx.log(`waiting for the LoadBalancer address of service ${name}`);
  const budget = budgetMs(ctx.settings, 'loadBalancer');
  const appearWithin = Math.min(APPEAR_WITHIN_MS, Math.floor(budget * 0.9));
  // One watch for both questions: `seen` records whether the Service ever existed; a timer ends the
  // wait through our own signal if it still has not.
  let seen = false;
  const gone = new AbortController();
  const timer = setTimeout(() => {
    if (!seen) gone.abort();
  }, appearWithin);
  try {
    return await ctx.adapters.kube.waitFor(
      { apiVersion: 'v1', kind: 'Service', name, namespace },
      (service) => {
        if (service) seen = true;
        return loadBalancerAddress(service);
      },
      {
        signal: AbortSignal.any([ctx.signal, gone.signal]),
        timeoutMs: budget,
        describe: `LoadBalancer address of service ${name} in ${namespace}`,
        hint: `the cloud load balancer did not assign an address; check \`kubectl describe svc ${name} -n ${namespace}\` events, quota of public IPs`,
      },
    );
  } catch (err) {
    if (ctx.signal.aborted) throw err;
    if (!gone.signal.aborted) throw await withLoadBalancerCause(ctx, namespace, name, err);
    throw await missingError(ctx, namespace, name, appearWithin, missing);
  } finally {
    clearTimeout(timer);
  }
}

/** A timed-out wait, explained by the cloud provider's SyncLoadBalancerFailed event when there is one. */
async function withLoadBalancerCause(ctx: StepContext, namespace: string, name: string, err: unknown): Promise<unknown> {
  if (!(err instanceof ToolError)) return err;
  try {
    const events = await ctx.adapters.kube.list('v1', 'Event', namespace, { fieldSelector: `involvedObject.name=${name}` }, ctx.signal);
    const cause = loadBalancerCause(name, namespace, events);
    return cause ? new ToolError(`${err.message}: ${cause.quote}`, cause.hint, { cause: err }) : err;
  } catch (listErr) {
    if (isAbort(listErr, ctx.signal)) throw listErr;
    return err; // only an explanation: the timeout is the failure we report
  }
}

async function missingError(ctx: StepContext, namespace: string, name: string, waitedMs: number, missing?: MissingService): Promise<ToolError> {
  let why: string | undefined;
  try {
    why = await missing?.why?.(ctx.signal);
  } catch (err) {
    if (isAbort(err, ctx.signal)) throw err;
    // Only an explanation: the missing Service is the failure we report.
  }
  return new ToolError(
    `service ${name} in ${namespace} does not exist${why ? `; ${why}` : ''} (waited ${Math.round(waitedMs / 1000)}s for it to appear)`,
    missing?.hint ?? `check \`kubectl get svc -n ${namespace}\`; run lifesub up again`,
  );
}
