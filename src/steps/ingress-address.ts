// Learns the ingress controller's public address: the frontend image and the CORS origins need it.
import type { StepDefinition, StepContext } from '../graph/step.js';
import { waitForLoadBalancer } from './lb-address.js';

export const ingressAddressStep: StepDefinition = {
  name: 'ingress-address',
  title: 'Wait for the ingress address',
  reads: ['ingressController'],
  writes: ['ingressAddress'],
  timeout: 'loadBalancer',
  plan: (settings) => {
    const i = settings.config.ingress;
    return [`wait until service ${i.service} in ${i.namespace} has a LoadBalancer address`];
  },
  async run(ctx) {
    const i = ctx.settings.config.ingress;
    // The controller the ingress step found or installed; configured names only if it said nothing.
    const c = ctx.facts.ingressController ?? { namespace: i.namespace, service: i.service, release: i.release };
    const address = await waitForLoadBalancer(ctx, c.namespace, c.service, {
      why: (signal) => releaseState(ctx, signal),
      hint: `see \`helm status ${c.release ?? i.release} -n ${c.namespace}\` and \`kubectl get svc -n ${c.namespace}\`; if the controller's Service has another name, set ingress.service in the configuration`,
    });
    ctx.facts.ingressAddress = address;
    return { message: `ingress at ${address} (service ${c.service} in ${c.namespace})` };
  },
};

/** Why the controller's Service may be missing: the state its Helm release is in. */
async function releaseState(ctx: StepContext, signal: AbortSignal): Promise<string> {
  const i = { ...ctx.settings.config.ingress, ...ctx.facts.ingressController };
  const release = await ctx.adapters.helm.status(i.release, i.namespace, { signal });
  return release ? `the ingress release ${i.release} is in state ${release.status}` : `there is no ingress release ${i.release} in ${i.namespace}`;
}
