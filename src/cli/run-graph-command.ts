// The flow shared by `up` and `down`: validate everything first (exit 2, nothing changed), print the
// plan for --dry-run, confirm destructive work, wire adapters, run the graph, report, clean up.
import { EXIT, type StepFailure } from '../core/errors.js';
import { resolveSettings } from '../config/load.js';
import type { Settings } from '../config/schema.js';
import { compose } from '../compose.js';
import type { StepReport } from '../graph/runner.js';
import type { Step } from '../graph/step.js';
import { NdjsonSink, nullSink, type EventSink } from '../output/events.js';
import { formatPlan, planOf } from '../output/plan.js';
import { chooseProgress } from '../output/progress.js';
import { knownSecrets, maskSecrets } from '../output/secrets.js';
import { formatSummary } from '../output/summary.js';
import { confirm, processTerminal } from './confirm.js';
import type { Kube } from '../adapters/types.js';
import { bugStack, formatExitReport, maskReport, toExitReport, type ExitReport, type WorldChanges } from './exit.js';
import type { CommonFlags } from './options.js';
import { forceExit, runSignal } from './signals.js';
import type { Target, Terminal } from './target.js';
import { EXEC_PLUGIN_TIMEOUT_MS, upPreflightPasses } from '../steps/preflight.js';
import type { RunLock } from '../lock/run-lock.js';
import { localizeSteps } from '../i18n/steps.js';

export interface GraphCommand {
  name: 'up' | 'down';
  flags: CommonFlags & { dryRun?: boolean; waitLock?: boolean };
  steps(settings: Settings): Step[];
  /** A question to confirm before anything runs (destructive commands); undefined → none. */
  confirmation?(settings: Settings, target: Target | undefined): string | undefined;
  /**
   * Asked after sign-in, before any question or change: a sentence when there is nothing to do for this
   * ID (`down` of an ID that never existed), which ends the command with exit 0; undefined to go on.
   */
  nothingToDo?(kube: Kube, settings: Settings, signal: AbortSignal): Promise<string | undefined>;
  /** In a terminal without --yes: ask before the first change when this ID has no namespace on the cluster yet (`up`). */
  confirmNewTarget?: boolean;
}

export interface Io {
  stdout: import('node:stream').Writable;
  stderr: import('node:stream').Writable;
  /** Whether somebody can be asked; default: this process's stdin/stdout and environment. */
  terminal?: Terminal;
}

/** The question `up` asks before setting an ID up on a cluster for the first time. */
export function newTargetQuestion(id: string, target: Target): string {
  return `No lifesub namespace for ${id} on this cluster yet. Set it up in context ${target.context} (${target.server}), namespace ${target.namespace}?`;
}

export async function runGraphCommand(cmd: GraphCommand, io: Io): Promise<number> {
  const json = cmd.flags.output === 'json';
  const settings = resolveSettings(cmd.flags);
  const steps = localizeSteps(cmd.steps(settings));

  if (cmd.flags.dryRun) {
    const plan = planOf(steps, settings);
    if (json) io.stdout.write(`${JSON.stringify({ type: 'plan', command: cmd.name, id: settings.id, namespace: settings.namespace, steps: plan })}\n`);
    else io.stdout.write(`${formatPlan(plan, `lifesub ${cmd.name} --id ${settings.id}: ${plan.length} steps`)}\n`);
    return EXIT.ok;
  }

  const started = Date.now();
  const run = runSignal(settings.timeoutMs, cmd.flags.timeout, forceExit);
  try {
    // Loaded only now: the runner brings listr2, compose brings the adapters (see src/compose.ts).
    const [{ runGraph }, { interactive, isNewTarget, resolveTarget, targetLine }, { takeRunLock }] = await Promise.all([
      import('../graph/runner.js'),
      // The kubeconfig reader (client-node) and the lock are cluster work: not for --dry-run or --help.
      import('./target.js'),
      import('./run-lock.js'),
    ]);
    const runtime = await compose(settings, cmd.flags.sandbox ? { profile: cmd.flags.profile, workspaceGiven: cmd.flags.workspace !== undefined } : undefined);
    try {
      const events: EventSink = json ? new NdjsonSink(io.stdout, settings.verbose) : nullSink;
      // The first line names what is about to be changed, before any question and any change.
      const target = resolveTarget(runtime.settings);
      if (target && json) {
        events.emit({
          type: 'target',
          command: cmd.name,
          id: settings.id,
          context: target.context,
          server: target.server,
          namespace: target.namespace,
          ts: Date.now(),
        });
      } else if (target) io.stdout.write(`${targetLine(cmd.name, target)}\n`);
      if (runtime.sandbox) {
        io.stderr.write(`SANDBOX: simulated cluster, registry and tools (${runtime.sandbox.profile.name} profile); state in ${runtime.sandbox.home}\n`);
        // The promise a sandbox run keeps (tested with an empty HOME): no ~/.gradle, ~/.docker, ~/.kube.
        io.stderr.write(
          `SANDBOX: writes only under ${runtime.sandbox.home} and the workspace ${runtime.settings.workspace}; Gradle and the JDK are simulated (no ./gradlew runs, nothing is downloaded)\n`,
        );
      }
      const terminal = io.terminal ?? processTerminal();
      let signedIn = false;
      // Sign in first (kubelogin's device code must reach the student); then the first API call.
      const signIn = async (): Promise<void> => {
        if (!signedIn) await runtime.adapters.kube.authenticate?.({ signal: run.signal, timeoutMs: EXEC_PLUGIN_TIMEOUT_MS });
        signedIn = true;
      };
      if (cmd.nothingToDo) {
        await signIn();
        const nothing = await cmd.nothingToDo(runtime.adapters.kube, settings, run.signal);
        if (nothing) {
          // JSON readers still get their one summary (no steps ran); people get the sentence.
          events.emit({
            type: 'summary',
            ok: true,
            command: cmd.name,
            id: settings.id,
            namespace: settings.namespace,
            urls: {},
            durationMs: Date.now() - started,
            steps: [],
          });
          (json ? io.stderr : io.stdout).write(`${nothing}\n`);
          return EXIT.ok;
        }
      }
      // A "no" is not success: the command did not do what it was asked (exit 1), and changed nothing.
      const question = cmd.confirmation?.(settings, target);
      if (question && !(await confirm(question, settings.yes, run.signal, terminal))) {
        io.stderr.write('Nothing was changed.\n');
        return EXIT.failed;
      }
      if (cmd.confirmNewTarget && target && !settings.yes && interactive(terminal)) {
        const ask = terminal.ask ?? ((q: string, signal: AbortSignal) => confirm(q, false, signal, terminal));
        // Behind a credential plugin the API cannot be asked before preflight signed in: ask anyway.
        const isNew = target.viaPlugin || (await isNewTarget(runtime.adapters.kube, settings, run.signal));
        if (isNew && !(await ask(newTargetQuestion(settings.id, target), run.signal))) {
          io.stderr.write('Nothing was changed.\n');
          return EXIT.failed;
        }
      }
      // `up` checks everything before its first cluster write (the lock): when something blocks, every
      // problem is reported together by the preflight step, which gets this same report (no lock needed: nothing will change).
      // Ctrl-C meanwhile counts as blocked too: the graph then reports the interruption like any other.
      const blocked = cmd.name === 'up' && !(await upPreflightPasses(runtime.adapters, runtime.settings, run.signal).catch(() => false));
      // Sign in first (kubelogin's device code must reach the student); the lock below is the first API call.
      if (!blocked) await signIn();
      // One run per ID (a Lease in the cluster): a second `up`/`down` of this ID waits or stops here.
      const lock = await (blocked ? skipRunLock : takeRunLock)({
        command: cmd.name,
        id: settings.id,
        wait: !!cmd.flags.waitLock,
        kube: runtime.adapters.kube,
        signal: run.signal,
        io,
        events,
        namespace: settings.namespace,
      });
      if (typeof lock === 'number') return lock;
      let result: Awaited<ReturnType<typeof runGraph>>;
      const progress = await chooseProgress({ output: json ? 'json' : 'text', verbose: !!settings.verbose, stdout: io.stdout, env: process.env });
      try {
        result = await runGraph(steps, {
          settings: runtime.settings,
          adapters: runtime.adapters,
          signal: AbortSignal.any([run.signal, lock.lost]),
          events,
          progress,
        });
      } finally {
        await lock.release();
      }
      const durationMs = Date.now() - started;
      const urls = result.facts.urls ?? {};
      const secrets = knownSecrets(result.facts);
      const report = result.failure ? finalReport(result.failure, runtime.writes, (t) => maskSecrets(t, secrets)) : undefined;
      const code = result.interrupted ? EXIT.interrupted : report ? report.code : result.ok ? EXIT.ok : EXIT.failed;
      events.emit({
        type: 'summary',
        ok: code === EXIT.ok,
        command: cmd.name,
        id: settings.id,
        namespace: settings.namespace,
        urls,
        durationMs,
        ...(runtime.sandbox ? { sandbox: true } : {}),
        steps: result.reports.map((r) => ({ step: r.name, status: r.status, durationMs: r.durationMs })),
        ...(report || result.interrupted
          ? { error: report ? { step: report.step, message: report.message, hint: report.hint, exitCode: code } : { message: 'interrupted', exitCode: code } }
          : {}),
      });
      if (!json) {
        io.stdout.write(
          `${formatSummary({
            ok: code === EXIT.ok,
            command: cmd.name,
            id: settings.id,
            namespace: settings.namespace,
            reports: result.reports,
            urls,
            apiBasePaths: result.facts.apiBasePaths,
            workloads: result.facts.workloads,
            durationMs,
            sandbox: !!runtime.sandbox,
            targetFlags: targetFlags(cmd.flags),
            // The kubectl line's slot: the sandbox's kubeconfig goes here once the sandbox outlives the run.
            kubeconfig: runtime.sandbox?.served ? runtime.sandbox.kubeconfig : cmd.flags.kubeconfig,
            kubeContext: cmd.flags.context,
          })}\n`,
        );
      }
      if (report) io.stderr.write(`${formatExitReport(report)}\n`);
      const stack = settings.verbose && result.failure ? bugStack(result.failure) : undefined;
      if (stack) io.stderr.write(`${maskSecrets(stack, secrets)}\n`);
      else if (result.interrupted) io.stderr.write('interrupted: stopped cleanly; run the same command again to continue.\n');
      return code;
    } finally {
      await runtime.close();
    }
  } finally {
    run.dispose();
  }
}

/** Stands in for the run lock when preflight found problems: nothing that changes the cluster will run. */
async function skipRunLock(): Promise<RunLock> {
  return { lost: new AbortController().signal, release: async () => {} };
}

/** The flags `status`/`down`/`up` need to reach the same cluster as this run. */
function targetFlags(flags: CommonFlags): string[] {
  if (flags.sandbox) return ['--sandbox'];
  return [...(flags.kubeconfig ? ['--kubeconfig', flags.kubeconfig] : []), ...(flags.context ? ['--context', flags.context] : [])];
}

/**
 * The exit report of a failed run. Exit 2 promises "nothing was changed", so a user error raised by a
 * step after the adapters recorded a write (cloned, installed, applied, pushed) exits 1 instead.
 */
export function finalReport(failure: StepFailure, writes: WorldChanges, mask: (t: string) => string): ExitReport {
  return maskReport(toExitReport(failure, writes), mask);
}
