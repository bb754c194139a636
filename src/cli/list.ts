import { Command, Option } from 'commander';
import { EXIT } from '../core/errors.js';
import { addClusterOptions, type CommonFlags } from './options.js';
import type { Io } from './run-graph-command.js';
import type { Wrap } from './wrap.js';

/**
 * `list` is about no particular ID, but Settings (and compose) are built for one: this placeholder is
 * valid and never names anything, since every lab's own ID and namespace come from the cluster.
 */
const ANY_ID = 'lifesub';

export function listCommand(io: Io, wrap: Wrap): Command {
  const cmd = new Command('list').alias('ls').description('List every lifesub lab on the cluster: ID, namespace, age, ready, web URL');
  addClusterOptions(cmd)
    .option('--config <file>', 'YAML file overriding config/default.yaml')
    .addOption(new Option('-o, --output <format>', 'text or json').choices(['text', 'json']).default('text'))
    .option('--sandbox', 'look at the simulated cluster under $LIFESUB_HOME')
    .option('--profile <name>', 'sandbox latency profile: fast or realistic (default: the running sandbox’s, else fast)')
    .addHelpText(
      'after',
      '\nLabs are the namespaces labelled app.kubernetes.io/managed-by=lifesub with a lifesub.io/id.\nREADY: Helm releases deployed and workloads rolled out; `lifesub status --id <id>` also asks the URLs.',
    )
    .action(
      wrap(async (flags: Omit<CommonFlags, 'id'>) => {
        // Loaded on use, so `list --help` stays instant (see src/compose.ts).
        const [{ resolveSettings }, { compose }, { listLabs, formatLabs }, { forceExit, runSignal }, { resolveTarget }, { EXEC_PLUGIN_TIMEOUT_MS }] =
          await Promise.all([
            import('../config/load.js'),
            import('../compose.js'),
            import('../status/labs.js'),
            import('./signals.js'),
            import('./target.js'),
            import('../steps/preflight.js'),
          ]);
        const settings = resolveSettings({ ...flags, id: ANY_ID });
        const run = runSignal(undefined, undefined, forceExit);
        const runtime = await compose(settings, flags.sandbox ? { profile: flags.profile, workspaceGiven: false } : undefined);
        try {
          await runtime.adapters.kube.authenticate?.({ signal: run.signal, timeoutMs: EXEC_PLUGIN_TIMEOUT_MS });
          const context = resolveTarget(runtime.settings)?.context;
          const labs = await listLabs(runtime.settings, runtime.adapters, run.signal);
          if (flags.output === 'json') io.stdout.write(`${JSON.stringify({ type: 'list', ...(context ? { context } : {}), labs })}\n`);
          else io.stdout.write(`${formatLabs(labs, context)}\n`);
          return EXIT.ok;
        } finally {
          await runtime.close();
          run.dispose();
        }
      }),
    );
  return cmd;
}
