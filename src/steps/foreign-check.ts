// `down`: before anything is removed, find what in the namespace lifesub did not make (see foreign.ts).
// Deleting the namespace would delete those too, so `down` stops and names them — unless --force.
import { ToolError } from '../core/errors.js';
import { need, type StepDefinition } from '../graph/step.js';
import { foreignObjects, SCANNED_KINDS } from './foreign.js';

export interface ForeignCheckOptions {
  /** `--force`: delete them with the namespace (they are named in the log first). */
  force: boolean;
  /** `--keep-data`: the namespace stays and only labelled objects go, so nobody else's is at risk. */
  keepData: boolean;
  /** lifesub's Helm releases in the namespace. */
  releases: readonly string[];
}

/** At most this many names in the message; the rest are counted. */
const MAX_NAMED = 20;

export function foreignCheckStep(options: ForeignCheckOptions): StepDefinition {
  return {
    name: 'foreign-objects',
    title: 'Check for objects lifesub did not create',
    reads: ['namespacePresent'],
    readOnly: true,
    plan: (settings) => [
      options.keepData
        ? 'nothing to check with --keep-data (only objects labelled as lifesub’s are removed)'
        : `list objects in ${settings.namespace} that lifesub did not create; stop if there are any${options.force ? ' (--force: delete them too)' : ''}`,
    ],
    async run(ctx) {
      if (!need(ctx.facts.namespacePresent, 'namespacePresent')) return { skipped: 'namespace absent' };
      if (options.keepData) return { skipped: 'only lifesub’s labelled objects are removed (--keep-data)' };
      const { namespace, id } = ctx.settings;
      const objects = [];
      for (const [apiVersion, kind] of SCANNED_KINDS) objects.push(...(await ctx.adapters.kube.list(apiVersion, kind, namespace, {}, ctx.signal)));
      const foreign = foreignObjects(objects, { id, namespace, releases: options.releases }).map((o) => `${o.kind}/${o.metadata.name}`);
      if (foreign.length === 0) return { message: `${objects.length} objects, all created by lifesub or Kubernetes` };
      const named = foreign.slice(0, MAX_NAMED).join(', ') + (foreign.length > MAX_NAMED ? ` and ${foreign.length - MAX_NAMED} more` : '');
      if (options.force) {
        ctx.log(`--force: deleting with the namespace ${foreign.length} object(s) lifesub did not create: ${named}`);
        return { message: `--force: ${foreign.length} object(s) not created by lifesub will be deleted too` };
      }
      throw new ToolError(
        `namespace ${namespace} holds ${foreign.length} object(s) lifesub did not create: ${named}; nothing was deleted`,
        `move or delete them yourself (e.g. \`kubectl get ${foreign[0]!.split('/')[0]!.toLowerCase()} -n ${namespace}\`), keep the namespace with --keep-data, or delete them along with it: lifesub down --id ${id} --force`,
      );
    },
  };
}
