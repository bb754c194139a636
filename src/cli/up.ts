import { Command } from 'commander';
import { addCommonOptions, type CommonFlags } from './options.js';
import type { Io } from './run-graph-command.js';
import type { Wrap } from './wrap.js';

type UpFlags = CommonFlags & { dryRun?: boolean; cleanLegacy?: boolean; resetData?: boolean; strict?: boolean; waitLock?: boolean };

export function upCommand(io: Io, wrap: Wrap): Command {
  const cmd = new Command('up').description(
    'Install everything of the lab for your ID: ingress controller, databases, builds, images, manifests; wait until the app answers',
  );
  addCommonOptions(cmd)
    .option('--wait-lock', 'if another run of this ID is going on, wait for it to finish instead of failing')
    .option('--dry-run', 'print the plan (steps in order and what each would run or apply); change nothing')
    .option('--clean-legacy', "first remove the previous lab's namespace lifesub-ns (asks for confirmation)")
    .option(
      '--reset-data',
      'delete the databases and their data volumes first and start them empty (asks for confirmation); the way out when their passwords are lost',
    )
    .option('--strict', 'refuse an existing clone on another branch than configured or with uncommitted changes (default: deploy it with a warning)')
    .addHelpText(
      'after',
      '\nExamples:\n  lifesub up --id alice\n  lifesub up --id alice --dry-run\n  lifesub up --id demo --sandbox            # no cluster needed\n  lifesub up --id ci42 --yes --output json   # CI\n\nExit codes: 0 ok, 1 a step failed, 2 invalid input (nothing changed), 130 interrupted.',
    )
    .action(
      wrap(async (flags: UpFlags) => {
        // Loaded on use: declaring the command (for --help) needs neither the graph nor the runner.
        const [{ upSteps }, { runGraphCommand }] = await Promise.all([import('../graph/up.js'), import('./run-graph-command.js')]);
        return runGraphCommand(
          {
            name: 'up',
            flags,
            confirmNewTarget: true,
            steps: (settings) => upSteps(settings, { cleanLegacy: !!flags.cleanLegacy, resetData: !!flags.resetData }),
            confirmation: (settings) =>
              [
                flags.cleanLegacy ? 'Delete the old lab namespace lifesub-ns with its releases member, mysub, recommend and all their data?' : undefined,
                flags.resetData ? `Delete the databases in ${settings.namespace} with all their data (--reset-data)?` : undefined,
              ]
                .filter((q) => q !== undefined)
                .join(' ') || undefined,
          },
          io,
        );
      }),
    );
  return cmd;
}
