import { Command, Option } from 'commander';
import { EXIT } from '../core/errors.js';
import { addClusterOptions, addIdOption, type CommonFlags } from './options.js';
import type { Io } from './run-graph-command.js';
import type { Wrap } from './wrap.js';

/** `status` exits 3 when nothing of the ID exists (like `helm status` of an unknown release, but distinct from "not ready"). */
export const EXIT_NOT_FOUND = 3;

export function statusCommand(io: Io, wrap: Wrap): Command {
  const cmd = new Command('status').description('Show what exists for your ID and whether it is ready (exit 0 ready, 1 not ready, 3 nothing found)');
  addClusterOptions(addIdOption(cmd))
    .option('--config <file>', 'YAML file overriding config/default.yaml')
    .addOption(new Option('-o, --output <format>', 'text or json').choices(['text', 'json']).default('text'))
    .option('--sandbox', 'look at the simulated cluster under $LIFESUB_HOME')
    .option('--profile <name>', 'sandbox latency profile (default: the running sandbox’s, else fast)')
    .addHelpText(
      'after',
      '\nReleases with their Helm status, workloads with the reason of each pod that is not ready, the\nLoadBalancer addresses, and whether the URLs answer (as `up` checks them).\n\nExamples:\n  lifesub status --id alice\n  lifesub status --id alice -o json',
    )
    .action(
      wrap(async (flags: CommonFlags) => {
        // Loaded on use, so `status --help` stays instant (see src/compose.ts).
        const [{ resolveSettings }, { compose }, { collectStatus }, { formatStatus }, { forceExit, runSignal }, { resolveTarget }, { EXEC_PLUGIN_TIMEOUT_MS }] =
          await Promise.all([
            import('../config/load.js'),
            import('../compose.js'),
            import('../status/collect.js'),
            import('../status/format.js'),
            import('./signals.js'),
            import('./target.js'),
            import('../steps/preflight.js'),
          ]);
        const settings = resolveSettings(flags);
        const run = runSignal(undefined, undefined, forceExit);
        const runtime = await compose(settings, flags.sandbox ? { profile: flags.profile, workspaceGiven: false } : undefined);
        try {
          // Sign in like `up` does (kubelogin's device code must reach the student) before the first API call.
          await runtime.adapters.kube.authenticate?.({ signal: run.signal, timeoutMs: EXEC_PLUGIN_TIMEOUT_MS });
          const context = resolveTarget(runtime.settings)?.context;
          const status = await collectStatus(runtime.settings, runtime.adapters, run.signal);
          if (flags.output === 'json') {
            io.stdout.write(
              `${JSON.stringify({ type: 'status', ...status, ...(context ? { context } : {}), ...(runtime.sandbox ? { sandbox: true } : {}) })}\n`,
            );
          } else io.stdout.write(`${formatStatus(status, { sandbox: !!runtime.sandbox, ...(context ? { context } : {}) })}\n`);
          return !status.found ? EXIT_NOT_FOUND : status.ready ? EXIT.ok : EXIT.failed;
        } finally {
          await runtime.close();
          run.dispose();
        }
      }),
    );
  return cmd;
}
