// `down`: deletes the student's namespace and waits until it is gone. With --keep-data it keeps the
// namespace, the PVCs (the databases' data) and Secret lifesub-credentials (the passwords that data
// was created with — without them the next `up` would be locked out) and removes everything else
// lifesub labelled for this ID.
import type { KubeObject, ObjectRef } from '../adapters/types.js';
import { ToolError } from '../core/errors.js';
import { namespaceTerminatingCause } from '../diagnosis/index.js';
import type { ServiceConfig } from '../config/schema.js';
import { need, type StepDefinition, type StepContext } from '../graph/step.js';
import { CREDENTIALS_SECRET } from '../render/index.js';
import { budgetMs } from './budget.js';
import { ID_LABEL, namespaceRef } from './ownership.js';

/** What keep-data removes, workloads first so nothing restarts against a missing ConfigMap. */
const KINDS: ReadonlyArray<[apiVersion: string, kind: string]> = [
  ['networking.k8s.io/v1', 'Ingress'],
  ['apps/v1', 'Deployment'],
  ['apps/v1', 'StatefulSet'],
  ['v1', 'Service'],
  ['v1', 'ConfigMap'],
  ['v1', 'Secret'],
];

export interface RemoveNamespaceOptions {
  /** `--keep-data`: keep the namespace, its PVCs and Secret lifesub-credentials. */
  keepData: boolean;
  /** The configured services: remove-namespace waits for every database's uninstall. */
  services: readonly ServiceConfig[];
}

export function removeNamespaceStep(options: RemoveNamespaceOptions): StepDefinition {
  return {
    name: 'remove-namespace',
    title: options.keepData ? 'Remove the application (keeping data)' : 'Remove the namespace',
    reads: ['namespacePresent'],
    timeout: 'namespaceDelete',
    plan: (settings) =>
      options.keepData
        ? [`delete every object labelled ${ID_LABEL}=${settings.id} in ${settings.namespace} except PVCs and Secret ${CREDENTIALS_SECRET}`]
        : [`delete namespace ${settings.namespace} and wait until it is gone`],
    async run(ctx) {
      if (!need(ctx.facts.namespacePresent, 'namespacePresent')) return { skipped: 'namespace absent' };
      return options.keepData ? removeAllButData(ctx) : removeNamespace(ctx);
    },
  };
}

async function removeNamespace(ctx: StepContext): Promise<{ message: string }> {
  const { namespace } = ctx.settings;
  const ref = namespaceRef(namespace);
  await ctx.adapters.kube.delete(ref, ctx.signal);
  ctx.log(`waiting for namespace ${namespace} to be deleted`);
  let last: KubeObject | undefined;
  try {
    await ctx.adapters.kube.waitFor(
      ref,
      (obj) => {
        last = obj;
        return obj ? undefined : true;
      },
      {
        signal: ctx.signal,
        timeoutMs: budgetMs(ctx.settings, 'namespaceDelete'),
        describe: `deletion of namespace ${namespace}`,
        hint: `see what holds it with \`kubectl get all,pvc -n ${namespace}\` and \`kubectl describe ns ${namespace}\``,
      },
    );
  } catch (err) {
    // Timed out: the namespace's conditions name what holds it (a finalizer, a failing aggregated API).
    if (!(err instanceof ToolError) || ctx.signal.aborted) throw err;
    const cause = namespaceTerminatingCause(last);
    if (!cause) throw err;
    throw new ToolError(`${err.message}: ${cause.quote}`, cause.hint, { cause: err });
  }
  return { message: `namespace ${namespace} removed` };
}

async function removeAllButData(ctx: StepContext): Promise<{ message: string }> {
  const { kube } = ctx.adapters;
  const { namespace, id } = ctx.settings;
  let removed = 0;
  for (const [apiVersion, kind] of KINDS) {
    const objects = await kube.list(apiVersion, kind, namespace, { labelSelector: `${ID_LABEL}=${id}` }, ctx.signal);
    for (const obj of objects) {
      if (kind === 'Secret' && keepSecret(obj.metadata.name, obj.metadata.labels)) continue;
      const ref: ObjectRef = { apiVersion, kind, name: obj.metadata.name, namespace };
      if (await kube.delete(ref, ctx.signal)) {
        removed += 1;
        ctx.log(`deleted ${kind} ${obj.metadata.name}`);
      }
    }
  }
  return { message: `removed ${removed} objects; kept namespace ${namespace}, its PVCs and Secret ${CREDENTIALS_SECRET}` };
}

/** The credentials, and Helm's own release records (deleting those would orphan a release). */
function keepSecret(name: string, labels: Record<string, string> | undefined): boolean {
  return name === CREDENTIALS_SECRET || labels?.owner === 'helm';
}
