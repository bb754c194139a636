// The student's namespace. lifesub only ever works in a namespace it created for this ID: a namespace
// of the same name made by hand (or for another ID) is refused rather than adopted.
import { ToolError, UserError } from '../core/errors.js';
import type { StepDefinition } from '../graph/step.js';
import { renderNamespace } from '../render/index.js';
import { namespaceTerminatingCause } from '../diagnosis/index.js';
import { ID_LABEL, MANAGED_BY, isTerminating, namespaceRef, ownedBy } from './ownership.js';

export const namespaceStep: StepDefinition = {
  name: 'namespace',
  title: 'Create the namespace',
  plan: (settings) => [`apply Namespace ${settings.namespace} (labelled ${MANAGED_BY}=lifesub, ${ID_LABEL}=${settings.id})`],
  async run(ctx) {
    const { kube } = ctx.adapters;
    const { namespace, id } = ctx.settings;
    const existing = await kube.get(namespaceRef(namespace), ctx.signal);
    if (existing && !ownedBy(existing, id)) {
      throw new UserError(
        `namespace ${namespace} exists but was not created by lifesub for id ${id}`,
        `delete it yourself (\`kubectl delete ns ${namespace}\`) if it is yours to remove, or pick another --id`,
      );
    }
    if (existing && isTerminating(existing)) {
      // The namespace's own conditions say what holds it (a finalizer nobody removes never goes away).
      const cause = namespaceTerminatingCause(existing);
      throw new ToolError(
        `namespace ${namespace} is being deleted${cause ? `; ${cause.quote}` : ''}`,
        cause?.kind === 'namespace-finalizers' || cause?.kind === 'namespace-discovery'
          ? cause.hint
          : `wait until \`kubectl get ns ${namespace}\` shows it gone, then run lifesub up again`,
      );
    }
    await kube.apply(renderNamespace(ctx.settings), ctx.signal);
    return { message: existing ? `${namespace} (existing)` : `${namespace} created` };
  },
};
