// Learns the frontend's public address: it is the CORS origin and the URL the student opens.
import type { StepDefinition } from '../graph/step.js';
import { renderWebService } from '../render/index.js';
import { waitForLoadBalancer } from './lb-address.js';

export const webAddressStep: StepDefinition = {
  name: 'web-address',
  title: 'Wait for the frontend address',
  writes: ['webAddress'],
  timeout: 'loadBalancer',
  plan: (settings) => [`wait until the frontend Service in ${settings.namespace} has a LoadBalancer address`],
  async run(ctx) {
    const name = renderWebService(ctx.settings).metadata.name;
    const address = await waitForLoadBalancer(ctx, ctx.settings.namespace, name, {
      hint: `the web-service step creates it: check \`kubectl get svc -n ${ctx.settings.namespace}\` (was it deleted?), then run lifesub up again`,
    });
    ctx.facts.webAddress = address;
    return { message: `frontend at ${address}` };
  },
};
