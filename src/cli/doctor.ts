// `lifesub doctor`: everything `up` needs, checked at once without changing anything — tools and
// their versions, the cluster, Azure and the registry, the workspace and its disk. Exit 1 when
// anything blocks `up`, 0 otherwise (warnings included); 2 for invalid flags.
import { Command, Option } from 'commander';
import { EXIT } from '../core/errors.js';
import { addClusterOptions, addIdOption, type CommonFlags } from './options.js';
import type { Io } from './run-graph-command.js';
import type { Wrap } from './wrap.js';

/** Without --id the registry cannot be named: settings are resolved with this stand-in and that check is skipped. */
const NO_ID = 'doctor';

export function doctorCommand(io: Io, wrap: Wrap): Command {
  const cmd = new Command('doctor').description('Check everything `up` needs (tools, cluster, Azure registry, workspace, disk) without changing anything');
  addClusterOptions(addIdOption(cmd))
    .option('--workspace <dir>', 'where the repositories are (or will be) cloned (default ~/workspace)')
    .option('--config <file>', 'YAML file overriding config/default.yaml')
    .addOption(new Option('-o, --output <format>', 'text for people, json for one JSON object on stdout').choices(['text', 'json']).default('text'))
    .option('--sandbox', 'check against the simulated cluster, registry and toolchain under $LIFESUB_HOME')
    .option('--profile <name>', 'sandbox latency profile: fast or realistic (default: the running sandbox’s, else fast)')
    .addHelpText('after', '\nExit codes: 0 nothing blocks `up`, 1 something does (each problem is shown with its fix), 2 invalid input.')
    .action(
      wrap(async (flags: CommonFlags) => {
        // Loaded on use, so `doctor --help` stays instant (see src/compose.ts).
        const [{ resolveSettings }, { compose }, { forceExit, runSignal }, { UP_CHECKS }, { registryCheck, registrySkipped }, { runChecks }, format, check] =
          await Promise.all([
            import('../config/load.js'),
            import('../compose.js'),
            import('./signals.js'),
            import('../doctor/index.js'),
            import('../doctor/azure.js'),
            import('../doctor/run.js'),
            import('../doctor/format.js'),
            import('../doctor/check.js'),
          ]);
        const idGiven = !!flags.id?.trim();
        const settings = resolveSettings({ ...flags, id: idGiven ? flags.id : NO_ID });
        const checks = UP_CHECKS.map((c) => (c === registryCheck && !idGiven ? registrySkipped : c));
        const run = runSignal(undefined, undefined, forceExit);
        try {
          const runtime = await compose(settings, flags.sandbox ? { profile: flags.profile, workspaceGiven: flags.workspace !== undefined } : undefined);
          try {
            const report = await runChecks(checks, { settings: runtime.settings, adapters: runtime.adapters, signal: run.signal });
            const where = runtime.sandbox ? 'the sandbox' : runtime.settings.context ? `context ${runtime.settings.context}` : 'the current context';
            if (flags.output === 'json') {
              io.stdout.write(`${format.reportJson(report, { ...(idGiven ? { id: settings.id } : {}), ...(runtime.sandbox ? { sandbox: true } : {}) })}\n`);
            } else
              io.stdout.write(
                `${format.formatReport(report, `lifesub doctor${idGiven ? ` --id ${settings.id}` : ''}: checking what \`up\` needs (${where})`)}\n`,
              );
            return check.blockers(report).length > 0 ? EXIT.failed : EXIT.ok;
          } finally {
            await runtime.close();
          }
        } finally {
          run.dispose();
        }
      }),
    );
  return cmd;
}
