// The workloads: ingress, backend Deployments and Services, the frontend Deployment and Service, in
// renderManifests' order. Waits for every image push and every database, so pods start pullable.
import type { ServiceConfig } from '../config/schema.js';
import type { Step } from '../graph/step.js';
import { applyAll, isConfigObject, renderChecked } from './manifests.js';

export function applyStep(services: readonly ServiceConfig[]): Step {
  return {
    name: 'apply',
    title: 'Deploy the application',
    needs: [
      'config',
      'pull-secret',
      ...services.map((s) => `push:${s.name}`),
      ...services.filter((s) => s.kind === 'backend').map((s) => `database:${s.name}`),
    ],
    plan: (settings) => [`apply the Ingress, Deployments and Services in ${settings.namespace}`],
    async run(ctx) {
      const objects = renderChecked(ctx).filter((o) => !isConfigObject(o));
      await applyAll(ctx, objects);
      return { message: `${objects.length} objects applied` };
    },
  };
}
