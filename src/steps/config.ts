// ConfigMaps and Secrets of the application: database hosts, ports, the CORS origins (which need the
// frontend's address), the frontend's runtime URLs (which need the student's routes and the frontend's
// URL convention) and the credentials-backed secrets.
import type { StepDefinition } from '../graph/step.js';
import { need } from '../graph/step.js';
import { studentRoutes } from '../render/index.js';
import { backendServices } from '../render/services.js';
import { applyAll, describeCount, isConfigObject, renderChecked } from './manifests.js';

export const configStep: StepDefinition = {
  name: 'config',
  title: 'Apply the configuration',
  reads: ['credentials', 'ingressAddress', 'webAddress', 'apiBasePaths'],
  writes: ['urls'],
  plan: (settings) => [`apply the ConfigMaps and Secrets (common-config, <service>-config, <service>-secret, …) in ${settings.namespace}`],
  async run(ctx) {
    const objects = renderChecked(ctx).filter(isConfigObject);
    const count = await applyAll(ctx, objects);
    const routes = studentRoutes(ctx.settings, need(ctx.facts.ingressAddress, 'ingressAddress'));
    const basePaths = need(ctx.facts.apiBasePaths, 'apiBasePaths');
    ctx.facts.urls = {
      web: `http://${need(ctx.facts.webAddress, 'webAddress')}`,
      api: routes.root,
      // The bases runtime-env.js gives the frontend (the root alone answers 404: no rule routes it).
      apis: Object.fromEntries(backendServices(ctx.settings).map((s) => [s.name, `${routes.root}${basePaths[s.name] ?? s.apiPath}`])),
    };
    return { message: describeCount(count, 'ConfigMaps and Secrets') };
  },
};
