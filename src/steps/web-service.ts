// The frontend's LoadBalancer Service goes first, on its own: its address must be known before the
// backends' CORS origins (common-config) can be written.
import type { StepDefinition } from '../graph/step.js';
import { renderWebService } from '../render/index.js';
import { applyAll } from './manifests.js';

export const webServiceStep: StepDefinition = {
  name: 'web-service',
  title: 'Create the frontend service',
  plan: (settings) => [`apply Service (LoadBalancer) for the frontend in ${settings.namespace}`],
  async run(ctx) {
    const service = renderWebService(ctx.settings);
    const { applied } = await applyAll(ctx, [service]);
    return applied === 0 ? { skipped: `Service ${service.metadata.name} already as desired` } : { message: `Service ${service.metadata.name}` };
  },
};
