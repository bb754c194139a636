// Learns the ingress controller's public address: the frontend image and the CORS origins need it.
import type { Step } from '../graph/step.js';
import { waitForLoadBalancer } from './lb-address.js';

export const ingressAddressStep: Step = {
  name: 'ingress-address',
  title: 'Wait for the ingress address',
  needs: ['ingress'],
  timeout: 'loadBalancer',
  plan: (settings) => {
    const i = settings.config.ingress;
    return [`wait until service ${i.service} in ${i.namespace} has a LoadBalancer address`];
  },
  async run(ctx) {
    const i = ctx.settings.config.ingress;
    const address = await waitForLoadBalancer(ctx, i.namespace, i.service);
    ctx.facts.ingressAddress = address;
    return { message: `ingress at ${address}` };
  },
};
