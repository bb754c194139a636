import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { lifesubHome } from '../compose.js';
import { EXIT, UserError } from '../core/errors.js';
import { pathProblem } from '../config/paths.js';
import type { Io } from './run-graph-command.js';
import { forceExit, runSignal } from './signals.js';
import type { Wrap } from './wrap.js';

/** `lifesub sandbox status` when nothing serves the sandbox (like `status` of an ID that has nothing). */
export const EXIT_NOT_RUNNING = 3;

export function sandboxCommand(io: Io, wrap: Wrap): Command {
  const cmd = new Command('sandbox').description(
    'The simulated cluster, registry and toolchain used by --sandbox (state in $LIFESUB_HOME, default ~/.lifesub); it keeps running in the background like kind or minikube',
  );
  cmd
    .command('start')
    .description('Start the background sandbox (the first --sandbox command does it too); nothing to do when it runs already')
    .option('--profile <name>', 'latency profile: fast or realistic (default: the running one, else fast); another one restarts it')
    .action(
      wrap(async (flags: { profile?: string }) => {
        const home = checkedHome();
        const { ensureBackground } = await import('../sandbox/background.js');
        const info = await ensureBackground({ home, profile: flags.profile, registries: [] }, { notify: (line) => io.stderr.write(`${line}\n`) });
        io.stdout.write(
          `sandbox running (pid ${info.pid}, ${info.profile} profile${info.mode === 'foreground' ? ', `lifesub sandbox serve` in a terminal' : ''})\n`,
        );
        io.stdout.write(`kubeconfig: ${info.kubeconfig}\n`);
        io.stdout.write(`try: KUBECONFIG=${info.kubeconfig} kubectl get ns\n`);
        io.stdout.write(`log: ${info.log ?? '(in its terminal)'}\n`);
        return EXIT.ok;
      }),
    );
  cmd
    .command('stop')
    .description('Stop the sandbox (background, or a `sandbox serve`) and wait until it has ended; its state stays for the next start')
    .option('--grace <seconds>', 'how long to wait after SIGTERM before SIGKILL', '10')
    .action(
      wrap(async (flags: { grace: string }) => {
        const grace = Number(flags.grace);
        if (!Number.isFinite(grace) || grace < 0) throw new UserError(`--grace ${flags.grace} is not a number of seconds`, 'e.g. --grace 10');
        const { stopSandbox } = await import('../sandbox/background.js');
        const stopped = await stopSandbox(checkedHome(), grace * 1000);
        if (stopped.length === 0) io.stdout.write('sandbox not running\n');
        for (const s of stopped) io.stdout.write(`sandbox stopped (pid ${s.pid}${s.forced ? ', killed with SIGKILL after the grace' : ''})\n`);
        return EXIT.ok;
      }),
    );
  cmd
    .command('status')
    .description(`Show whether the sandbox runs: pid, profile, faults, endpoints, uptime (exit 0 running, ${EXIT_NOT_RUNNING} not running)`)
    .addOption(new Option('-o, --output <format>', 'text or json').choices(['text', 'json']).default('text'))
    .action(
      wrap(async (flags: { output: string }) => {
        const home = checkedHome();
        const [{ sandboxStatus }, { formatDuration }] = await Promise.all([import('../sandbox/background.js'), import('../output/summary.js')]);
        const s = await sandboxStatus(home);
        if (flags.output === 'json') {
          io.stdout.write(`${JSON.stringify({ type: 'sandbox', home, ...s })}\n`);
        } else if (!s.running || !s.info) {
          io.stdout.write(`sandbox not running (state in ${join(home, 'sandbox')}); the next --sandbox command or \`lifesub sandbox start\` starts it\n`);
        } else {
          const i = s.info;
          const lines = [
            `sandbox running${s.answering ? '' : ' but NOT ANSWERING'} (${i.mode ?? 'foreground'}): pid ${i.pid}, ${i.profile} profile, up ${formatDuration(s.uptimeMs ?? 0)}`,
            `  faults:     ${i.faults && Object.keys(i.faults).length ? `${Object.keys(i.faults).join(', ')} (${i.faultsFile ?? 'fault file'})` : 'none'}`,
            `  apiserver:  ${i.apiserver}`,
            `  registry:   ${i.registry}`,
            `  arm:        ${i.arm}`,
            `  charts:     ${i.charts}`,
            `  kubeconfig: ${i.kubeconfig}`,
            ...(i.log ? [`  log:        ${i.log}`] : []),
            `try: KUBECONFIG=${i.kubeconfig} kubectl get ns`,
          ];
          io.stdout.write(`${lines.join('\n')}\n`);
        }
        return s.running ? EXIT.ok : EXIT_NOT_RUNNING;
      }),
    );
  cmd
    .command('serve')
    .description('Run the simulated Kubernetes API server (and registry) in the foreground until Ctrl-C; point kubectl at the printed kubeconfig')
    .option('--profile <name>', 'latency profile: fast or realistic', 'fast')
    .option('--registry <name...>', 'registry names that exist in the simulated subscription', [])
    // What `--sandbox` commands and `sandbox start` run detached (src/sandbox/background.ts).
    .addOption(new Option('--background', 'run as the background sandbox').hideHelp())
    .action(
      wrap(async (flags: { profile: string; registry: string[]; background?: boolean }) => {
        const home = checkedHome();
        const run = runSignal(undefined, undefined, forceExit);
        try {
          await (
            await import('../sandbox/serve.js')
          ).serveSandbox(
            { home, profile: flags.profile, registries: flags.registry },
            run.signal,
            (handle) => {
              io.stdout.write(`kubeconfig: ${handle.kubeconfig}\n`);
              io.stdout.write(
                `SANDBOX (${handle.profile.name} profile) — try: KUBECONFIG=${handle.kubeconfig} kubectl get ns; ${flags.background ? '`lifesub sandbox stop`' : 'Ctrl-C'} to stop\n`,
              );
            },
            {},
            { background: !!flags.background },
          );
          return EXIT.ok;
        } finally {
          run.dispose();
        }
      }),
    );
  cmd
    .command('reset')
    .description('Stop the sandbox and forget the simulated cluster, registry and workspace (deletes $LIFESUB_HOME/sandbox)')
    .action(
      wrap(async () => {
        const home = checkedHome();
        const dir = join(home, 'sandbox');
        // A running sandbox would keep the old world in memory and write it back.
        const { stopSandbox } = await import('../sandbox/background.js');
        for (const s of await stopSandbox(home)) io.stdout.write(`sandbox stopped (pid ${s.pid})\n`);
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
