import { Command } from 'commander';
import { addCommonOptions, type CommonFlags } from './options.js';
import type { Io } from './run-graph-command.js';
import type { Wrap } from './wrap.js';
import type { Kube } from '../adapters/types.js';
import type { Settings } from '../config/schema.js';
import { namespaceRef } from '../steps/ownership.js';
import { ToolError, UserError } from '../core/errors.js';

type DownFlags = CommonFlags & { dryRun?: boolean; includeIngress?: boolean; keepData?: boolean; waitLock?: boolean; force?: boolean };

export function downCommand(io: Io, wrap: Wrap): Command {
  const cmd = new Command('down').description(
    'Remove what `lifesub up` created for your ID: database releases and the namespace (the shared ingress controller stays)',
  );
  addCommonOptions(cmd)
    .option('--wait-lock', 'if another run of this ID is going on, wait for it to finish instead of failing')
    .option('--dry-run', 'print what would be removed; change nothing')
    .option('--keep-data', 'keep the database volumes (PVCs) and their credentials, so a later `up` finds the data')
    .option('--force', 'also delete objects in the namespace that lifesub did not create (otherwise down stops and names them)')
    .option('--include-ingress', 'also remove the shared ingress controller, if lifesub installed it and no other lab namespace uses it')
    .addHelpText(
      'after',
      '\nOnly namespaces labelled as created by lifesub for this ID are touched; kube-system, default and\ningress-basic are always refused.\n\nExamples:\n  lifesub down --id alice\n  lifesub down --id alice --keep-data --yes',
    )
    .action(
      wrap(async (flags: DownFlags) => {
        // Loaded on use: declaring the command (for --help) needs neither the graph nor the runner.
        const [{ downSteps }, { runGraphCommand }] = await Promise.all([import('../graph/down.js'), import('./run-graph-command.js')]);
        return runGraphCommand(
          {
            name: 'down',
            flags,
            steps: (settings) => downSteps(settings, { keepData: !!flags.keepData, includeIngress: !!flags.includeIngress, force: !!flags.force }),
            // The question names the cluster: `down` in the wrong context would remove somebody else's lab.
            confirmation: (settings, target) =>
              `Remove ${flags.keepData ? 'the apps (keeping data) in namespace' : 'namespace'} ${settings.namespace}${flags.includeIngress ? ' and the shared ingress controller' : ''}` +
              `${target ? ` in context ${target.context} (${target.server})` : ''}?`,
            // Removing what is not there succeeds (the wanted end state holds, and a second `down` in CI must
            // not fail), but says so, so a mistyped ID is not taken for a clean removal.
            nothingToDo: flags.includeIngress ? undefined : (kube, settings, signal) => absentLab(kube, settings, signal),
          },
          io,
        );
      }),
    );
  return cmd;
}

/** "nothing to remove …" when this ID has no namespace on the cluster; undefined when it has one. */
export async function absentLab(kube: Kube, settings: Pick<Settings, 'id' | 'namespace'>, signal: AbortSignal): Promise<string | undefined> {
  try {
    if (await kube.get(namespaceRef(settings.namespace), signal)) return undefined;
  } catch (err) {
    // Cannot tell (no kubeconfig, cluster unreachable): go on, so the run reports it as it always does
    // (the preflight step, a summary event in JSON) instead of a bare error here.
    if (err instanceof UserError || err instanceof ToolError) return undefined;
    throw err;
  }
  return `nothing to remove: there is no namespace ${settings.namespace} for ID ${settings.id} on this cluster (never created, or already removed). Check the ID and context with \`lifesub list\`.`;
}
