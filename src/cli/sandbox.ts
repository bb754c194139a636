import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { lifesubHome } from '../compose.js';
import { EXIT, UserError } from '../core/errors.js';
import { pathProblem } from '../config/paths.js';
import type { Io } from './run-graph-command.js';
import { forceExit, runSignal } from './signals.js';
import type { Wrap } from './wrap.js';

export function sandboxCommand(io: Io, wrap: Wrap): Command {
  const cmd = new Command('sandbox').description(
    'The simulated cluster, registry and toolchain used by --sandbox (state in $LIFESUB_HOME, default ~/.lifesub)',
  );
  cmd
    .command('serve')
    .description('Run the simulated Kubernetes API server (and registry) in the foreground until Ctrl-C; point kubectl at the printed kubeconfig')
    .option('--profile <name>', 'latency profile: fast or realistic', 'fast')
    .option('--registry <name...>', 'registry names that exist in the simulated subscription', [])
    .action(
      wrap(async (flags: { profile: string; registry: string[] }) => {
        const home = checkedHome();
        const run = runSignal(undefined, undefined, forceExit);
        try {
          await (
            await import('../sandbox/serve.js')
          ).serveSandbox({ home, profile: flags.profile, registries: flags.registry }, run.signal, (handle) => {
            io.stdout.write(`kubeconfig: ${handle.kubeconfig}\n`);
            io.stdout.write(`SANDBOX (${handle.profile.name} profile) — try: KUBECONFIG=${handle.kubeconfig} kubectl get ns; Ctrl-C to stop\n`);
          });
          return EXIT.ok;
        } finally {
          run.dispose();
        }
      }),
    );
  cmd
    .command('reset')
    .description('Forget the simulated cluster, registry and workspace (deletes $LIFESUB_HOME/sandbox)')
    .action(
      wrap(async () => {
        const dir = join(checkedHome(), 'sandbox');
        rmSync(dir, { recursive: true, force: true });
        io.stdout.write(`removed ${dir}\n`);
        return EXIT.ok;
      }),
    );
  return cmd;
}

/** $LIFESUB_HOME (or ~/.lifesub), which must be a directory or creatable as one. */
function checkedHome(): string {
  const home = lifesubHome();
  const problem = pathProblem(home, 'directory', process.env.LIFESUB_HOME ? 'LIFESUB_HOME' : 'the lifesub home');
  if (problem) throw new UserError(problem, 'set LIFESUB_HOME to a directory (it is created if missing)');
  return home;
}
