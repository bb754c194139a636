// `lifesub class up`: the shared part once (ingress controller, clones, the four images built and pushed
// into the source registry), then every student's part with bounded concurrency, each under its own run
// lock. One student's failure never stops the others; a student whose lab is ready and unchanged since
// the last class run (its stamp matches) is not touched again.
import { createHash } from 'node:crypto';
import type { Adapters, KubeObject } from '../adapters/types.js';
import { compose, type Runtime } from '../compose.js';
import { EXIT, UserError } from '../core/errors.js';
import type { GraphResult } from '../graph/runner.js';
import { Semaphore } from '../graph/pools.js';
import type { Pool } from '../graph/step.js';
import { knownSecrets, maskSecrets } from '../output/secrets.js';
import { toExitReport, maskReport } from '../cli/exit.js';
import { collectStatus } from '../status/collect.js';
import { sharedFacts, sharedSteps, studentSteps } from './graph.js';
import { classHint, classRegistries, planClass, type ClassFlags, type ClassPlan, type ClassStudent } from './plan.js';
import { eachStudent, interruptedByUser, stoppedOutcome } from './each-student.js';
import { ClassProgress, classProgressMode, classUpLine, formatClassTable, INTERRUPTED_LINE } from './progress.js';
import type { ClassImages } from './steps.js';

export interface ClassIo {
  stdout: NodeJS.WritableStream & import('node:stream').Writable;
  stderr: NodeJS.WritableStream & import('node:stream').Writable;
}

/** The ConfigMap in a student's namespace that remembers what the last successful class run deployed. */
export const STAMP_CONFIGMAP = 'lifesub-class';

export async function classUp(flags: ClassFlags, io: ClassIo): Promise<number> {
  const plan = planClass(flags);
  const json = flags.output === 'json';
  const started = Date.now();
  const [{ runGraph }, { runSignal, forceExit }, { acquireRunLock }] = await Promise.all([
    import('../graph/runner.js'),
    import('../cli/signals.js'),
    import('../lock/run-lock.js'),
  ]);
  const run = runSignal(plan.source.timeoutMs, flags.timeout, forceExit);
  const runtime = await compose(
    plan.source,
    flags.sandbox ? { profile: flags.profile, workspaceGiven: flags.workspace !== undefined, registries: classRegistries(plan) } : undefined,
  );
  try {
    if (runtime.sandbox)
      io.stderr.write(`SANDBOX: simulated cluster, registries and tools (${runtime.sandbox.profile.name} profile); state in ${runtime.sandbox.home}\n`);
    await checkRegistriesExist(runtime.adapters, plan, run.signal);
    await runtime.adapters.kube.authenticate?.({ signal: run.signal, timeoutMs: 10 * 60_000 });
    const verbose = !!plan.source.verbose;
    const mode = classProgressMode(json, verbose, { isTTY: process.stdout.isTTY && io.stdout === process.stdout }, process.env);
    const progress = new ClassProgress(io.stdout, mode);
    for (const s of plan.students) progress.add(s.settings.id, s.settings.namespace);

    // 1. The shared part, once.
    progress.note(classUpLine(plan.students.length, plan.source.registryName));
    progress.start();
    const shared = await runGraph(sharedSteps(plan.source), {
      settings: { ...runtime.settings, registryName: plan.source.registryName, loginServer: plan.source.loginServer },
      adapters: runtime.adapters,
      signal: run.signal,
      events: progress.sink('class'),
      progress: progress.sharedView(verbose),
    });
    if (!shared.ok) {
      progress.stop();
      return sharedFailed(shared, runtime, io, json);
    }
    const images: ClassImages = { sourceRegistry: plan.source.registryName, refs: shared.facts.imageTags ?? {} };
    const base = sharedFacts(shared.facts);

    // 2. Every student, at most `concurrency` at once, sharing the heavy-work pools.
    const { concurrency: c } = plan.source.config;
    const pools: Record<Pool, Semaphore> = {
      builds: new Semaphore(c.builds),
      images: new Semaphore(c.images),
      pushes: new Semaphore(c.pushes),
      helm: new Semaphore(c.helm),
    };
    await eachStudent(plan.students, plan.concurrency, progress, run.signal, (student) =>
      runStudent(student, plan, runtime, {
        images,
        base,
        pools,
        progress,
        signal: run.signal,
        runGraph,
        acquireRunLock,
        waitLock: !!flags.waitLock,
        hint: (h) => classHint(classHint(h, flags, 'up'), flags, 'down'),
      }),
    );
    progress.stop();
    const outcomes = progress.outcomes();
    const failed = outcomes.filter((o) => o.phase === 'failed');
    // Ctrl-C is exit 130; the overall --timeout is a failure (exit 1), named in each student's row.
    const interrupted = interruptedByUser(run.signal);
    if (json) {
      io.stdout.write(
        `${JSON.stringify({ type: 'class-summary', command: 'class up', ok: failed.length === 0 && !interrupted, durationMs: Date.now() - started, students: outcomes })}\n`,
      );
    } else io.stdout.write(`${formatClassTable(outcomes)}\n`);
    if (outcomes.some((o) => o.phase === 'interrupted')) io.stderr.write(`${INTERRUPTED_LINE}\n`);
    return interrupted ? EXIT.interrupted : failed.length > 0 || run.signal.aborted ? EXIT.failed : EXIT.ok;
  } finally {
    await runtime.close();
    run.dispose();
  }
}

interface StudentRun {
  images: ClassImages;
  base: ReturnType<typeof sharedFacts>;
  pools: Record<Pool, Semaphore>;
  progress: ClassProgress;
  signal: AbortSignal;
  runGraph: typeof import('../graph/runner.js').runGraph;
  acquireRunLock: typeof import('../lock/run-lock.js').acquireRunLock;
  /** --wait-lock: wait for another run of this student (their own `up`, another `class up`) instead of failing them. */
  waitLock: boolean;
  /** A hint of `up`'s or `down`'s steps, said with the class commands (classHint). */
  hint: (hint: string | undefined) => string | undefined;
}

async function runStudent({ entry, settings: own }: ClassStudent, plan: ClassPlan, runtime: Runtime, r: StudentRun): Promise<void> {
  // The runtime's settings carry what compose wired (the sandbox's chart repositories, kubeconfig, workspace).
  const settings = { ...runtime.settings, ...pick(own) };
  const { id, namespace } = settings;
  const { kube } = runtime.adapters;
  r.progress.update(id, { phase: 'running', step: 'lock' });
  let lock: Awaited<ReturnType<typeof r.acquireRunLock>>;
  try {
    lock = await r.acquireRunLock(kube, { id, command: 'class up', wait: r.waitLock, signal: r.signal, log: () => undefined });
  } catch (err) {
    if (r.signal.aborted) {
      const stopped = stoppedOutcome(r.signal);
      r.progress.update(id, stopped.phase === 'interrupted' ? { phase: 'interrupted' } : { ...stopped, step: 'lock' });
      return;
    }
    const report = toExitReport(err);
    r.progress.update(id, { phase: 'failed', step: 'lock', cause: report.message, hint: r.hint(report.hint) });
    return;
  }
  try {
    const stamp = stampOf(settings, r.images, plan, entry.budget);
    const same = await unchanged(settings, runtime.adapters, stamp, r.signal);
    if (same) {
      r.progress.update(id, { phase: 'unchanged', step: undefined, web: same.web });
      return;
    }
    const result = await r.runGraph(studentSteps(settings, r.images, plan.roster.budget, entry.budget), {
      settings,
      adapters: runtime.adapters,
      signal: AbortSignal.any([r.signal, lock.lost]),
      events: r.progress.sink(id),
      renderer: 'silent',
      facts: { ...r.base },
      pools: r.pools,
    });
    if (result.ok) {
      await kube.apply(stampObject(settings, stamp), r.signal);
      r.progress.update(id, { phase: 'ready', step: undefined, web: result.facts.urls?.web });
      return;
    }
    if (!result.failure) {
      // Ctrl-C: the step it was in stays on the row; the same command continues from there. The time limit: failed, saying so.
      r.progress.update(id, r.signal.aborted ? stoppedOutcome(r.signal) : { phase: 'interrupted' });
      return;
    }
    const secrets = knownSecrets(result.facts);
    const report = maskReport(toExitReport(result.failure), (t) => maskSecrets(t, secrets));
    const cause = report.message.replace(/^step '[^']+' failed: /, '');
    r.progress.update(id, { phase: 'failed', step: report.step, cause, hint: r.hint(report.hint) });
    await recordFailure(kube, settings, `${report.step ?? 'class up'}: ${cause}`);
  } catch (err) {
    if (r.signal.aborted) r.progress.update(id, stoppedOutcome(r.signal));
    else {
      const report = toExitReport(err);
      r.progress.update(id, { phase: 'failed', cause: report.message, hint: r.hint(report.hint) });
    }
  } finally {
    await lock.release();
  }
}

/** The student-specific fields of Settings (the rest — kubeconfig, context, workspace — is the runtime's, e.g. the sandbox's). */
function pick(s: ClassStudent['settings']) {
  return { id: s.id, namespace: s.namespace, registryName: s.registryName, loginServer: s.loginServer };
}

/** What a student's lab is made of: a change to any of it (images, budget, registry, configuration) means run again. */
function stampOf(settings: ClassStudent['settings'], images: ClassImages, plan: ClassPlan, budget: unknown): string {
  const inputs = {
    images: images.refs,
    source: images.sourceRegistry,
    classBudget: plan.roster.budget,
    budget,
    registry: settings.registryName,
    config: settings.config,
  };
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex').slice(0, 24);
}

function stampObject(settings: ClassStudent['settings'], stamp: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: STAMP_CONFIGMAP, namespace: settings.namespace, labels: { 'app.kubernetes.io/managed-by': 'lifesub', 'lifesub.io/id': settings.id } },
    data: { stamp },
  };
}

/**
 * Records in the student's ConfigMap lifesub-class that the last run failed, and where (masked; one
 * line): `class status` repeats it, and the next `class up` runs this student again (no stamp). Best
 * effort with its own 5 s limit — the namespace may not exist yet, and a failure here must not hide the
 * student's own.
 */
async function recordFailure(kube: Adapters['kube'], settings: ClassStudent['settings'], failed: string): Promise<void> {
  const object = stampObject(settings, '');
  object.data = { failed: failed.split('\n')[0]!.slice(0, 500) };
  await kube.apply(object, AbortSignal.timeout(5_000)).catch(() => undefined);
}

/** The last class run finished this student's lab with the same inputs, and it is still ready: its URLs; else undefined. */
async function unchanged(settings: ClassStudent['settings'], adapters: Adapters, stamp: string, signal: AbortSignal): Promise<{ web?: string } | undefined> {
  const cm = await adapters.kube.get({ apiVersion: 'v1', kind: 'ConfigMap', name: STAMP_CONFIGMAP, namespace: settings.namespace }, signal);
  if ((cm?.data as Record<string, string> | undefined)?.stamp !== stamp) return undefined;
  const status = await collectStatus(settings, adapters, signal);
  return status.ready ? status.urls : undefined;
}

/**
 * Every registry of the class must exist before anything changes (one ARM list): a missing one is the
 * roster's mistake, reported for all students at once with exit 2.
 */
export async function checkRegistriesExist(adapters: Pick<Adapters, 'registry'>, plan: Pick<ClassPlan, 'all' | 'source'>, signal: AbortSignal): Promise<void> {
  if (!adapters.registry.registryNames) return;
  const existing = new Set((await adapters.registry.registryNames(signal)).map((n) => n.toLowerCase()));
  const missing = classRegistries(plan).filter((n) => !existing.has(n));
  if (missing.length === 0) return;
  const users = (name: string) =>
    name === plan.source.registryName && !plan.all.some((s) => s.settings.registryName === name)
      ? 'sourceRegistry'
      : plan.all
          .filter((s) => s.settings.registryName === name)
          .map((s) => `student ${s.settings.id}`)
          .join(', ');
  const fields = [...new Set(missing.map((n) => (users(n) === 'sourceRegistry' ? '`sourceRegistry:`' : '`registry:`')))].join(' or ');
  throw new UserError(
    `${missing.length === 1 ? 'a registry of the roster does not exist' : `${missing.length} registries of the roster do not exist`} in the subscription:\n${missing.map((n) => `- ${n} (${users(n)})`).join('\n')}`,
    `create ${missing.length === 1 ? 'it' : 'them'} (az acr create -n <name> -g <resource-group> --sku Basic --admin-enabled true) or fix ${fields} in the roster; nothing was changed`,
  );
}

function sharedFailed(result: GraphResult, runtime: Runtime, io: ClassIo, json: boolean): number {
  const secrets = knownSecrets(result.facts);
  if (result.interrupted || !result.failure) {
    io.stderr.write(`${INTERRUPTED_LINE}\n`);
    return EXIT.interrupted;
  }
  const report = maskReport(toExitReport(result.failure, runtime.writes), (t) => maskSecrets(t, secrets));
  if (json)
    io.stdout.write(
      `${JSON.stringify({ type: 'class-summary', command: 'class up', ok: false, error: { step: report.step, message: report.message, hint: report.hint } })}\n`,
    );
  io.stderr.write(`error: the shared part failed, so no student was set up: ${report.message}\n${report.hint ? `hint: ${report.hint}\n` : ''}`);
  return report.code === EXIT.usage ? EXIT.usage : EXIT.failed;
}
