// The workloads, each applied as soon as its own inputs exist: `apply:<service>` (its Deployment and
// Service) once its image is in the registry, its database is installed and the configuration is in
// place; `apply` (the Ingress) once the controller — whose admission webhook checks Ingresses — runs.
// So the frontend rolls out while backend images still build, and each backend as soon as its own
// image is pushed. Objects already as desired are not sent again (see applyAll).
import type { KubeObject } from '../adapters/types.js';
import type { ServiceConfig } from '../config/schema.js';
import type { Step } from '../graph/step.js';
import { applyAll, describeCount, isConfigObject, renderChecked } from './manifests.js';

/** A service's own workload objects: its Deployment and its Service (both named after the service). */
function ownedBy(service: string): (o: KubeObject) => boolean {
  return (o) => (o.kind === 'Deployment' || o.kind === 'Service') && o.metadata.name === service;
}

/** One service's Deployment and Service. */
export function applyServiceStep(service: ServiceConfig): Step {
  return {
    name: `apply:${service.name}`,
    title: `Deploy ${service.name}`,
    needs: ['config', 'pull-secret', `push:${service.name}`, ...(service.kind === 'backend' ? [`database:${service.name}`] : [])],
    plan: (settings) => [`apply Deployment and Service ${service.name} in ${settings.namespace} (unless already as desired)`],
    async run(ctx) {
      const objects = renderChecked(ctx).filter(ownedBy(service.name));
      const count = await applyAll(ctx, objects);
      return count.applied === 0 ? { skipped: 'already as desired' } : { message: describeCount(count) };
    },
  };
}

/** Everything else that is neither configuration nor a service's workload: the Ingress. */
export function applyStep(services: readonly ServiceConfig[]): Step {
  const owned = services.map((s) => ownedBy(s.name));
  return {
    name: 'apply',
    title: 'Route the APIs through the ingress',
    needs: ['config', 'ingress'],
    plan: (settings) => [`apply the Ingress in ${settings.namespace} (unless already as desired)`],
    async run(ctx) {
      const objects = renderChecked(ctx).filter((o) => !isConfigObject(o) && !owned.some((f) => f(o)));
      const count = await applyAll(ctx, objects);
      return count.applied === 0 ? { skipped: 'already as desired' } : { message: describeCount(count) };
    },
  };
}
