// `down` removes only what lifesub created for this ID: never a system or shared namespace, never a
// namespace that lacks our labels. An absent namespace means there is nothing to do.
import { UserError } from '../core/errors.js';
import type { StepDefinition } from '../graph/step.js';
import { ID_LABEL, MANAGED_BY, namespaceRef, ownedBy } from './ownership.js';

export const PROTECTED_NAMESPACES: readonly string[] = ['kube-system', 'kube-public', 'kube-node-lease', 'default', 'ingress-basic'];

export const guardStep: StepDefinition = {
  name: 'guard',
  readOnly: true,
  title: 'Check what may be removed',
  writes: ['namespacePresent'],
  plan: (settings) => [`check that namespace ${settings.namespace} was created by lifesub for id ${settings.id}`],
  async run(ctx) {
    const { namespace, id } = ctx.settings;
    const shared = [...PROTECTED_NAMESPACES, ctx.settings.config.ingress.namespace];
    if (shared.includes(namespace)) {
      throw new UserError(
        `refusing: namespace ${namespace} is a system or shared namespace`,
        'check --id; lifesub only removes <id>' + ctx.settings.config.namespaceSuffix,
      );
    }
    const ns = await ctx.adapters.kube.get(namespaceRef(namespace), ctx.signal);
    if (!ns) {
      ctx.facts.namespacePresent = false;
      return { skipped: `nothing to remove: namespace ${namespace} does not exist` };
    }
    if (!ownedBy(ns, id)) {
      throw new UserError(
        `refusing: namespace ${namespace} was not created by lifesub for id ${id}`,
        `it lacks the labels ${MANAGED_BY}=lifesub and ${ID_LABEL}=${id}; delete it yourself if it is yours to remove`,
      );
    }
    ctx.facts.namespacePresent = true;
    return { message: `${namespace} belongs to id ${id}` };
  },
};
