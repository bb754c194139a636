import { Command, Option } from 'commander';
import { EXIT, UserError } from '../core/errors.js';
import type { CommonFlags } from './options.js';
import { addClusterOptions, addIdOption } from './options.js';
import type { Io } from './run-graph-command.js';
import type { Wrap } from './wrap.js';

export function configCommand(io: Io, wrap: Wrap): Command {
  const cmd = new Command('config').description('Print the effective settings and where each came from (flag, environment, file, default)');
  addClusterOptions(addIdOption(cmd))
    .option('--workspace <dir>', 'where the repositories live')
    .option('--config <file>', 'configuration file (default: $LIFESUB_CONFIG, else ./lifesub.config.yaml when present)')
    .option('--timeout <duration>', 'overall time limit, e.g. 30m')
    .addOption(new Option('-o, --output <format>', 'text or json').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      '\nPrecedence: flags > environment > configuration file > defaults.\nEnvironment: LIFESUB_ID, LIFESUB_CONFIG, LIFESUB_WORKSPACE, LIFESUB_KUBECONFIG, LIFESUB_CONTEXT, LIFESUB_TIMEOUT\n(and LIFESUB_HOME for the sandbox, LIFESUB_HELM for the helm binary, KUBECONFIG as kubectl reads it).\nExit 0 when the settings are valid, 2 with the problems when not.',
    )
    .action(
      wrap(async (flags: CommonFlags) => {
        const [{ resolveInputs, resolveSettings }, { explainInputs, formatExplained }] = await Promise.all([
          import('../config/settings.js'),
          import('../config/explain.js'),
        ]);
        const rows = explainInputs(resolveInputs(flags), process.env);
        let problem: UserError | undefined;
        try {
          resolveSettings(flags);
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
          problem = err;
        }
        if (flags.output === 'json') {
          io.stdout.write(`${JSON.stringify({ type: 'config', valid: !problem, settings: rows })}\n`);
        } else io.stdout.write(`${formatExplained(rows)}\n`);
        if (problem) throw problem;
        return EXIT.ok;
      }),
    );
  return cmd;
}
