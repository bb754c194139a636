// The workloads, each applied as soon as its own inputs exist: `apply:<service>` (its Deployment and
// Service) once its image is in the registry, its database is installed and ready and the configuration is in
// place; `apply` (the Ingress) once the controller — whose admission webhook checks Ingresses — runs.
// So the frontend rolls out while backend images still build, and each backend as soon as its own
// image is pushed. Objects already as desired are not sent again (see applyAll).
import type { KubeObject } from '../adapters/types.js';
import type { ServiceConfig } from '../config/schema.js';
import type { StepDefinition, StepContext } from '../graph/step.js';
import { applyAll, describeCount, isConfigObject, renderChecked } from './manifests.js';
import { waitForWorkload, type ReadinessOptions } from './readiness.js';

/** A service's own workload objects: its Deployment and its Service (both named after the service). */
function ownedBy(service: string): (o: KubeObject) => boolean {
  return (o) => (o.kind === 'Deployment' || o.kind === 'Service') && o.metadata.name === service;
}

/** One service's Deployment and Service; `options` tune the database wait (tests make it quick). */
export function applyServiceStep(service: ServiceConfig, options: ReadinessOptions = {}): StepDefinition {
  return {
    name: `apply:${service.name}`,
    title: `Deploy ${service.name}`,
    reads: ['credentials', 'ingressAddress', 'webAddress', 'apiBasePaths', `images.${service.name}`],
    plan: (settings) => [`apply Deployment and Service ${service.name} in ${settings.namespace} (unless already as desired)`],
    async run(ctx) {
      // Spring Boot stops at start-up when its database does not answer, and every restart backs off
      // longer: start the backend only once its PostgreSQL is ready (the chart's install does not wait).
      if (service.kind === 'backend') await waitForDatabase(ctx, service, options);
      const objects = renderChecked(ctx).filter(ownedBy(service.name));
      const count = await applyAll(ctx, objects);
      return count.applied === 0 ? { skipped: 'already as desired' } : { message: describeCount(count) };
    },
  };
}

/** Everything else that is neither configuration nor a service's workload: the Ingress. */
export function applyStep(services: readonly ServiceConfig[]): StepDefinition {
  const owned = services.map((s) => ownedBy(s.name));
  return {
    name: 'apply',
    title: 'Route the APIs through the ingress',
    reads: ['credentials', 'ingressAddress', 'webAddress', 'apiBasePaths'],
    plan: (settings) => [`apply the Ingress in ${settings.namespace} (unless already as desired)`],
    async run(ctx) {
      const objects = renderChecked(ctx).filter((o) => !isConfigObject(o) && !owned.some((f) => f(o)));
      const count = await applyAll(ctx, objects);
      return count.applied === 0 ? { skipped: 'already as desired' } : { message: describeCount(count) };
    },
  };
}

/**
 * Resolves once StatefulSet `<database>-postgresql` (bitnami/postgresql's name) has a ready replica.
 * Fails early, naming the cause, when its pod fails in a way that will not heal or cannot be created
 * (a ResourceQuota's refusal: no pod exists, so there is no log to read).
 */
async function waitForDatabase(ctx: StepContext, service: ServiceConfig, options: ReadinessOptions): Promise<void> {
  const name = `${service.database}-postgresql`;
  const { namespace } = ctx.settings;
  await waitForWorkload(ctx, { apiVersion: 'apps/v1', kind: 'StatefulSet', name, namespace }, ctx.signal, options, {
    what: `database ${namespace}/${name}`,
    done: (obj) => Number((obj.status as { readyReplicas?: number } | undefined)?.readyReplicas ?? 0) >= 1,
    describe: `database ${namespace}/${name} to be ready`,
    hint: `see \`kubectl describe statefulset ${name} -n ${namespace}\` and \`kubectl logs ${name}-0 -n ${namespace}\``,
  });
}
