import { Command } from 'commander';
import { upSteps } from '../graph/up.js';
import { addCommonOptions, type CommonFlags } from './options.js';
import { runGraphCommand, type Io } from './run-graph-command.js';
import type { Wrap } from './wrap.js';

type UpFlags = CommonFlags & { dryRun?: boolean; cleanLegacy?: boolean; waitLock?: boolean };

export function upCommand(io: Io, wrap: Wrap): Command {
  const cmd = new Command('up').description(
    'Install everything of the lab for your ID: ingress controller, databases, builds, images, manifests; wait until the app answers',
  );
  addCommonOptions(cmd)
    .option('--wait-lock', 'if another run of this ID is going on, wait for it to finish instead of failing')
    .option('--dry-run', 'print the plan (steps in order and what each would run or apply); change nothing')
    .option('--clean-legacy', "first remove the previous lab's namespace lifesub-ns (asks for confirmation)")
    .addHelpText(
      'after',
      '\nExamples:\n  lifesub up --id alice\n  lifesub up --id alice --dry-run\n  lifesub up --id demo --sandbox            # no cluster needed\n  lifesub up --id ci42 --yes --output json   # CI\n\nExit codes: 0 ok, 1 a step failed, 2 invalid input (nothing changed), 130 interrupted.',
    )
    .action(
      wrap(async (flags: UpFlags) =>
        runGraphCommand(
          {
            name: 'up',
            flags,
            steps: (settings) => upSteps(settings, { cleanLegacy: !!flags.cleanLegacy }),
            confirmation: () =>
              flags.cleanLegacy ? 'Delete the old lab namespace lifesub-ns with its releases member, mysub, recommend and all their data?' : undefined,
          },
          io,
        ),
      ),
    );
  return cmd;
}
