// `lifesub class down`: every selected student's lab removed with `down`'s own graph and safety rules
// (guard, foreign-object check, the run lock), at most `concurrency` at once; one student's refusal
// never stops the others. The shared ingress controller only with --include-ingress, after every lab is
// gone, through `down`'s remove-ingress step (which looks again for anyone still using it).
import { compose } from '../compose.js';
import { EXIT } from '../core/errors.js';
import { toExitReport } from '../cli/exit.js';
import { downSteps } from '../graph/down.js';
import { dependsOn, type Step } from '../graph/step.js';
import { clusterPreflightStep, removeIngressStep } from '../steps/index.js';
import { eachStudent, interruptedByUser, stoppedOutcome } from './each-student.js';
import { classHint, classRegistries, planClass, type ClassFlags } from './plan.js';
import { ClassProgress, formatClassTable, INTERRUPTED_LINE, type ProgressMode } from './progress.js';
import type { ClassIo } from './up.js';

export type ClassDownFlags = ClassFlags & { keepData?: boolean; force?: boolean; includeIngress?: boolean };

export async function classDown(flags: ClassDownFlags, io: ClassIo): Promise<number> {
  const plan = planClass(flags);
  const json = flags.output === 'json';
  const [{ runGraph }, { runSignal, forceExit }, { acquireRunLock }, { confirm }] = await Promise.all([
    import('../graph/runner.js'),
    import('../cli/signals.js'),
    import('../lock/run-lock.js'),
    import('../cli/confirm.js'),
  ]);
  const run = runSignal(plan.source.timeoutMs, flags.timeout, forceExit);
  try {
    const question = `Remove the labs of ${plan.students.length} student${plan.students.length === 1 ? '' : 's'} (${plan.students.map((s) => s.settings.namespace).join(', ')})${flags.includeIngress ? ' and then the shared ingress controller' : ''}?`;
    if (!(await confirm(question, !!flags.yes, run.signal))) {
      io.stderr.write('Nothing was changed.\n');
      return EXIT.ok;
    }
    const runtime = await compose(
      plan.source,
      flags.sandbox ? { profile: flags.profile, workspaceGiven: flags.workspace !== undefined, registries: classRegistries(plan) } : undefined,
    );
    try {
      const mode: ProgressMode = json ? 'json' : process.stdout.isTTY && io.stdout === process.stdout ? 'tty' : 'plain';
      const progress = new ClassProgress(io.stdout, mode);
      for (const s of plan.students) progress.add(s.settings.id, s.settings.namespace);
      progress.start();
      await eachStudent(plan.students, plan.concurrency, progress, run.signal, async (student) => {
        const settings = {
          ...runtime.settings,
          id: student.settings.id,
          namespace: student.settings.namespace,
          registryName: student.settings.registryName,
          loginServer: student.settings.loginServer,
        };
        const id = settings.id;
        progress.update(id, { phase: 'running', step: 'lock' });
        try {
          const lock = await acquireRunLock(runtime.adapters.kube, {
            id,
            command: 'class down',
            wait: !!flags.waitLock,
            signal: run.signal,
            log: () => undefined,
          });
          try {
            const result = await runGraph(downSteps(settings, { keepData: !!flags.keepData, includeIngress: false, force: !!flags.force }), {
              settings,
              adapters: runtime.adapters,
              signal: AbortSignal.any([run.signal, lock.lost]),
              events: progress.sink(id),
              renderer: 'silent',
            });
            if (result.ok) progress.update(id, { phase: 'removed', step: undefined });
            else if (!result.failure) progress.update(id, run.signal.aborted ? stoppedOutcome(run.signal) : { phase: 'interrupted' });
            else {
              const report = toExitReport(result.failure);
              progress.update(id, {
                phase: 'failed',
                step: report.step,
                cause: report.message.replace(/^step '[^']+' failed: /, ''),
                hint: classHint(report.hint, flags, 'down'),
              });
            }
          } finally {
            await lock.release();
          }
        } catch (err) {
          if (run.signal.aborted) progress.update(id, stoppedOutcome(run.signal));
          else {
            const report = toExitReport(err);
            progress.update(id, { phase: 'failed', cause: report.message, hint: classHint(report.hint, flags, 'down') });
          }
        }
      });
      progress.stop();
      const outcomes = progress.outcomes();
      const failed = outcomes.filter((o) => o.phase === 'failed');
      let ingress: string | undefined;
      if (flags.includeIngress && failed.length === 0 && !run.signal.aborted) {
        // remove-ingress itself refuses while any *-lifesub-ns namespace or anyone's nginx Ingress remains.
        const steps: Step[] = [dependsOn(clusterPreflightStep), dependsOn(removeIngressStep, 'preflight')];
        const result = await runGraph(steps, {
          settings: runtime.settings,
          adapters: runtime.adapters,
          signal: run.signal,
          events: progress.sink('class'),
          renderer: 'silent',
        });
        const report = result.reports.find((r) => r.name === 'remove-ingress');
        ingress = result.ok
          ? `shared ingress controller: ${report?.status === 'skipped' ? `kept (${report.message ?? ''})` : 'removed'}`
          : `shared ingress controller: ${result.failure ? toExitReport(result.failure).message : 'interrupted'}`;
        if (!result.ok) failed.push({ id: 'class', namespace: '-', phase: 'failed', cause: ingress });
      } else if (flags.includeIngress) ingress = 'shared ingress controller: kept (not every lab was removed)';
      if (json)
        io.stdout.write(
          `${JSON.stringify({ type: 'class-summary', command: 'class down', ok: failed.length === 0 && !run.signal.aborted, students: outcomes, ...(ingress ? { ingress } : {}) })}\n`,
        );
      else io.stdout.write(`${formatClassTable(outcomes, { done: 'removed', web: false })}${ingress ? `\n${ingress}` : ''}\n`);
      if (outcomes.some((o) => o.phase === 'interrupted')) io.stderr.write(`${INTERRUPTED_LINE}\n`);
      // Ctrl-C is exit 130; the overall --timeout is a failure (exit 1), named in each student's row.
      return interruptedByUser(run.signal) ? EXIT.interrupted : failed.length > 0 || run.signal.aborted ? EXIT.failed : EXIT.ok;
    } finally {
      await runtime.close();
    }
  } finally {
    run.dispose();
  }
}
