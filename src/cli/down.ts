import { Command } from 'commander';
import { addCommonOptions, type CommonFlags } from './options.js';
import type { Io } from './run-graph-command.js';
import type { Wrap } from './wrap.js';

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
            confirmation: (settings) =>
              `Remove ${flags.keepData ? 'the apps (keeping data) in' : 'namespace'} ${settings.namespace}${flags.includeIngress ? ' and the shared ingress controller' : ''}?`,
          },
          io,
        );
      }),
    );
  return cmd;
}
