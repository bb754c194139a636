// `down --include-ingress`: the ingress controller is shared by every student on the cluster, so it
// goes only when no other lifesub namespace is left and only if lifesub installed it in the first place.
import type { KubeObject } from '../adapters/types.js';
import { rethrowWithHint } from '../core/errors.js';
import type { StepDefinition } from '../graph/step.js';
import { budgetMs } from './budget.js';
import { helmHint } from './helm-release.js';
import { INSTALLED_BY, isTerminating, namespaceRef } from './ownership.js';

/** The IngressClass the lab's controller serves (templates/manifests/ingress.yaml: ingressClassName: nginx). */
const INGRESS_CLASS = 'nginx';

/** spec.ingressClassName, or the older annotation kubernetes.io/ingress.class. */
function ingressClassOf(ing: KubeObject): string | undefined {
  return (ing.spec as { ingressClassName?: string } | undefined)?.ingressClassName ?? ing.metadata.annotations?.['kubernetes.io/ingress.class'];
}

export const removeIngressStep: StepDefinition = {
  name: 'remove-ingress',
  title: 'Remove the ingress controller (shared)',
  pool: 'helm',
  timeout: 'helm',
  plan: (settings) => {
    const i = settings.config.ingress;
    return [
      `if no other *${settings.config.namespaceSuffix} namespace and no other Ingress of class ${INGRESS_CLASS} exists and lifesub installed it: helm uninstall ${i.release} -n ${i.namespace}, delete namespace ${i.namespace} if lifesub created it`,
    ];
  },
  async run(ctx) {
    const { kube, helm } = ctx.adapters;
    const { namespace: ours, config } = ctx.settings;
    const i = config.ingress;

    const namespaces = await kube.list('v1', 'Namespace', undefined, {}, ctx.signal);
    const others = namespaces
      .filter((n) => n.metadata.name.endsWith(config.namespaceSuffix) && n.metadata.name !== ours && !isTerminating(n))
      .map((n) => n.metadata.name);
    if (others.length > 0) return { skipped: `still used by ${others.join(', ')}` };
    // Anyone's Ingress of class nginx, anywhere (not only other labs), still needs the controller.
    const gone = new Set([ours, ...namespaces.filter(isTerminating).map((n) => n.metadata.name)]);
    const users = (await kube.list('networking.k8s.io/v1', 'Ingress', undefined, {}, ctx.signal))
      .filter((ing) => !gone.has(ing.metadata.namespace ?? '') && ingressClassOf(ing) === INGRESS_CLASS)
      .map((ing) => `${ing.metadata.namespace}/${ing.metadata.name}`);
    if (users.length > 0) return { skipped: `still used by Ingress ${users.slice(0, 5).join(', ')}${users.length > 5 ? ` and ${users.length - 5} more` : ''}` };

    const controller = await kube.get({ apiVersion: 'apps/v1', kind: 'Deployment', name: i.service, namespace: i.namespace }, ctx.signal);
    if (!controller) return { skipped: `no ingress controller in ${i.namespace}` };
    if (controller.metadata.labels?.[INSTALLED_BY] !== 'lifesub') return { skipped: 'not installed by lifesub; left alone' };

    await helm.uninstall(i.release, i.namespace, { signal: ctx.signal, onLine: ctx.output }).catch(rethrowWithHint(helmHint(i.release, i.namespace)));
    ctx.log(`uninstalled ${i.release}`);
    const ref = namespaceRef(i.namespace);
    const ns = await kube.get(ref, ctx.signal);
    if (ns?.metadata.labels?.[INSTALLED_BY] !== 'lifesub') return { message: `${i.release} removed; namespace ${i.namespace} kept (not created by lifesub)` };
    await kube.delete(ref, ctx.signal);
    await kube.waitFor(ref, (obj) => (obj ? undefined : true), {
      signal: ctx.signal,
      timeoutMs: budgetMs(ctx.settings, 'namespaceDelete'),
      describe: `deletion of namespace ${i.namespace}`,
      hint: `see what holds it with \`kubectl describe ns ${i.namespace}\``,
    });
    return { message: `${i.release} and namespace ${i.namespace} removed` };
  },
};
