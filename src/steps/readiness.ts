// Waits until every Deployment lifesub applied and every database StatefulSet has rolled out, watching
// them all at once. Meanwhile it looks at their pods: a problem that will not fix itself (image cannot
// be pulled, crash loop, missing config) fails the step at once with the reason instead of a timeout,
// and so does a refusal to create pods (ResourceQuota, admission) that lasts past a short grace.
import { ToolError, isAbort } from '../core/errors.js';
import type { KubeObject } from '../adapters/types.js';
import type { StepDefinition, StepContext } from '../graph/step.js';
import { knownSecrets } from '../output/secrets.js';
import { budgetMs } from './budget.js';
import { diagnose, type Diagnosis, type Workload } from './diagnose.js';
import { renderChecked } from './manifests.js';
import { readyCount, rolledOut } from './rollout.js';
import { sleep } from '../core/sleep.js';

export interface ReadinessOptions {
  /** First look at the pods after this long (pods of an earlier run may still be settling). */
  firstCheckMs?: number;
  checkEveryMs?: number;
  /** How long pods may stay refused (FailedCreate) before the wait fails; default REFUSAL_GRACE_MS. */
  refusalGraceMs?: number;
}

/**
 * 45 s of real time (performance.now(), not the cluster's event timestamps: no clock skew). A refusal
 * can heal without lifesub: during a rolling update the old ReplicaSet's terminating pods hold their
 * quota for up to terminationGracePeriodSeconds (30 s by default), and the controller retries with
 * backoff. Past that, only a change of the quota or of what else runs in the namespace helps, so
 * waiting out the 15-minute budget only hides the cause. An event `count` threshold would not work:
 * each retry of a ReplicaSet names a new generated pod, so its message differs and the legacy recorder
 * makes a new event (count 1) rather than counting up (knowledge of client-go's EventCorrelator).
 */
export const REFUSAL_GRACE_MS = 45_000;

export function readinessStep(options: ReadinessOptions = {}): StepDefinition {
  return {
    name: 'readiness',
    title: 'Wait until everything runs',
    // the secrets, to mask them in what a failing workload's diagnosis shows
    reads: ['credentials', 'registryPassword'],
    writes: ['workloads'],
    timeout: 'readiness',
    costS: 70, // pod start + Spring Boot start-up
    plan: (settings) => [`wait for the rollout of every Deployment and of the database StatefulSets in ${settings.namespace}, explaining pods that fail`],
    async run(ctx) {
      const workloads = listWorkloads(ctx);
      const group = new AbortController();
      const signal = AbortSignal.any([ctx.signal, group.signal]);
      // What the person waits for: the workloads still pending, by name, shrinking as each is ready.
      const pending = new Set(workloads.map((w) => w.name));
      const report = (): void => ctx.status(pendingStatus(workloads.length, [...pending]));
      report();
      ctx.facts.workloads = [];
      const waits = workloads.map((w) =>
        waitForWorkload(ctx, w, signal, options, rolloutOf(w)).then(
          (ready) => {
            pending.delete(w.name);
            ctx.facts.workloads?.push({ kind: w.kind, name: w.name, ready });
            report();
          },
          (err: unknown) => {
            group.abort(err); // one failure is enough: stop watching the others
            throw err;
          },
        ),
      );
      const results = await Promise.allSettled(waits);
      // Report the first real failure, not the cancellations it caused.
      const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as unknown);
      const first = failed.find((e) => !isAbort(e)) ?? failed[0];
      if (failed.length > 0) throw first;
      return { message: `${workloads.length} workloads ready` };
    },
  };
}

/** A workload to wait for. */
export interface Watched extends Workload {
  /** Pod labels: from the rendered Deployment, or learnt from the live object (charts decide theirs). */
  selector?: Record<string, string>;
}

function listWorkloads(ctx: StepContext): Watched[] {
  const { namespace } = ctx.settings;
  const deployments: Watched[] = renderChecked(ctx)
    .filter((o) => o.kind === 'Deployment')
    .map((o) => ({ apiVersion: o.apiVersion, kind: 'Deployment', name: o.metadata.name, namespace, selector: selectorOf(o) }));
  const databases: Watched[] = ctx.settings.config.services
    .filter((s) => s.kind === 'backend' && s.database)
    .map((s) => ({ apiVersion: 'apps/v1', kind: 'StatefulSet', name: `${s.database}-postgresql`, namespace }));
  return [...deployments, ...databases];
}

function selectorOf(obj: KubeObject): Record<string, string> | undefined {
  return (obj.spec as { selector?: { matchLabels?: Record<string, string> } } | undefined)?.selector?.matchLabels;
}

/** "4/7 ready; waiting for member, mysub-postgresql, …" (the names as `kubectl get` shows them). */
export function pendingStatus(total: number, pending: readonly string[]): string {
  if (pending.length === 0) return `${total}/${total} ready`;
  return `${total - pending.length}/${total} ready; waiting for ${pending.join(', ')}`;
}

/** What waitForWorkload waits for, and how it names it. */
export interface WorkloadWait {
  /** Subject of messages: "deployment member", "database ns/member-postgresql". */
  what: string;
  /** The object is where the wait wants it. */
  done: (obj: KubeObject) => boolean;
  /** For the timeout message: "timed out … waiting for <describe>". */
  describe: string;
  hint: string;
}

function rolloutOf(w: Workload): WorkloadWait {
  const what = `${w.kind.toLowerCase()} ${w.name}`;
  return { what, done: rolledOut, describe: `rollout of ${what}`, hint: `see \`kubectl describe ${w.kind.toLowerCase()} ${w.name} -n ${w.namespace}\`` };
}

/**
 * Resolves with the workload's ready count ("1/1") once `wait.done` holds; meanwhile looks at its pods
 * (and at refusals to create them) and rejects early with a NotReady when that will not heal. A timeout
 * is rethrown as a NotReady naming the cause when one is found, else as it was. Honours `parent`.
 */
export async function waitForWorkload(ctx: StepContext, w: Watched, parent: AbortSignal, options: ReadinessOptions, wait: WorkloadWait): Promise<string> {
  const { what } = wait;
  const mine = new AbortController();
  const signal = AbortSignal.any([parent, mine.signal]);
  let latest: KubeObject | undefined;

  const rollout = ctx.adapters.kube.waitFor(
    { apiVersion: w.apiVersion, kind: w.kind, name: w.name, namespace: w.namespace },
    (obj) => {
      latest = obj;
      return obj && wait.done(obj) ? true : undefined;
    },
    { signal, timeoutMs: budgetMs(ctx.settings, 'readiness'), describe: wait.describe, hint: wait.hint },
  );
  const selector = (): Record<string, string> | undefined => w.selector ?? (latest ? selectorOf(latest) : undefined);
  const look = (final: boolean): Promise<Diagnosis | undefined> =>
    diagnose(ctx.adapters.kube, w, selector(), {
      signal,
      final,
      secrets: knownSecrets(ctx.facts),
      loginServer: ctx.settings.loginServer,
      ...(latest ? { live: latest } : {}),
    });

  // Runs until the rollout settles; rejects only with a diagnosis that waiting will not fix.
  const watchPods = async (): Promise<never> => {
    let said = '';
    let refusedSince: number | undefined;
    await sleep(options.firstCheckMs ?? 15_000, signal);
    for (;;) {
      const d = await look(false);
      if (d?.problem.fatal) throw notReady(what, d);
      if (d?.problem.kind === 'refused') {
        refusedSince ??= performance.now();
        if (performance.now() - refusedSince >= (options.refusalGraceMs ?? REFUSAL_GRACE_MS)) throw notReady(what, d);
      } else refusedSince = undefined;
      if (d && d.summary !== said) ctx.log(`${what}: ${d.summary}`);
      said = d?.summary ?? '';
      await sleep(options.checkEveryMs ?? 5_000, signal);
    }
  };

  const pods = watchPods();
  try {
    await Promise.race([rollout, pods]);
    const ready = latest ? readyCount(latest) : '';
    if (latest) ctx.log(`${what} is ready (${ready})`);
    return ready.replace(/ ready$/, '');
  } catch (err) {
    if (err instanceof ToolError && !(err instanceof NotReady) && !signal.aborted) {
      // Timed out (or the watch failed): say why, if the pods (or the refusals to create them) tell.
      const d = await look(true).catch(() => undefined);
      if (d) throw notReady(what, d, err);
    }
    throw err;
  } finally {
    mine.abort();
    rollout.catch(() => undefined);
    pods.catch(() => undefined);
  }
}

/** A diagnosed failure (so the timeout path does not diagnose it twice). notReady() makes one: "<what> is not ready: <summary>". */
class NotReady extends ToolError {}

export function notReady(what: string, d: Diagnosis, cause?: unknown): ToolError {
  return new NotReady(`${what} is not ready: ${d.summary}`, d.hint, { cause, details: d.details });
}
