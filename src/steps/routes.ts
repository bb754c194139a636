// Before anything of the student's is routed: make sure no other Ingress on the shared controller
// already claims the same host+path. ingress-nginx would keep the older one and our routes would
// silently reach someone else's Services (render/ingress-claims.ts). Reads only.
import { ToolError } from '../core/errors.js';
import { need, type StepDefinition } from '../graph/step.js';
import { findClaimConflicts, studentClaims } from '../render/ingress-claims.js';
import { studentRoutes } from '../render/index.js';

/** The name of the student's backend Ingress (templates/manifests/ingress*.yaml). */
export const BACKEND_INGRESS = 'backend-ingress';
const INGRESS_CLASS = 'nginx';

export const routesStep: StepDefinition = {
  name: 'routes',
  title: "Check the student's routes are free on the shared ingress",
  reads: ['ingressAddress'],
  readOnly: true,
  plan: (settings) => [
    settings.config.routing.mode === 'host'
      ? `list Ingresses of class ${INGRESS_CLASS} in all namespaces; refuse if another claims host ${settings.id}.<ingress-ip>.${settings.config.routing.domain} with the same paths`
      : `list Ingresses of class ${INGRESS_CLASS} in all namespaces; refuse if another claims the /${settings.id}/ paths`,
  ],
  async run(ctx) {
    const routes = studentRoutes(ctx.settings, need(ctx.facts.ingressAddress, 'ingressAddress'));
    const ours = studentClaims(ctx.settings, routes);
    const all = await ctx.adapters.kube.list('networking.k8s.io/v1', 'Ingress', undefined, {}, ctx.signal);
    const conflicts = findClaimConflicts(ours, all, INGRESS_CLASS, { namespace: ctx.settings.namespace, name: BACKEND_INGRESS });
    if (conflicts.length > 0) {
      const [first] = conflicts as [(typeof conflicts)[number], ...typeof conflicts];
      const where = `${first.claim.host || '(any host)'}${first.claim.path}`;
      throw new ToolError(
        `Ingress ${first.ingress} in namespace ${first.namespace} already claims ${where} on the shared ingress controller; ingress-nginx keeps the older claim, so this ID's routes would reach that namespace's Services`,
        `if that namespace is yours from an earlier lab, remove its Ingress (\`kubectl delete ingress ${first.ingress} -n ${first.namespace}\`); otherwise use another ID, or set routing.mode/routing.domain in a --config file`,
        { details: conflicts.map((c) => `${c.namespace}/${c.ingress}: ${c.claim.host || '(any host)'}${c.claim.path}`).join('\n') },
      );
    }
    return { message: routes.host ? `host ${routes.host} is free` : `paths under /${ctx.settings.id}/ are free` };
  },
};
