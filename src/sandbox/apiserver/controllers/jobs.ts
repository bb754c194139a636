// The Job controller (batch/v1): keeps `parallelism` pods running until `completions` have succeeded,
// counts failures against `backoffLimit`, and ends with the conditions the real controller sets
// (1.33: SuccessCriteriaMet then Complete; FailureTarget then Failed). Helm hook Jobs wait on these.
import { R } from '../resources.js';
import { isoSeconds } from '../store.js';
import type { KObject } from '../types.js';
import { ownerOf, type Controller } from './context.js';
import { randomSuffix, setCondition, type Condition } from './helpers.js';
import { createPodFromTemplate, isPodReady, podsOwnedBy } from './workload-pods.js';

const isCondTrue = (job: KObject, type: string): boolean => (job.status?.conditions ?? []).some((c: Condition) => c.type === type && c.status === 'True');

/** Labels the controller puts on its pods (and the real server on the template): by job uid and name. */
function jobPodLabels(job: KObject): Record<string, string> {
  const uid = job.metadata.uid ?? '';
  return { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': job.metadata.name, 'controller-uid': uid, 'job-name': job.metadata.name };
}

export const jobController: Controller = {
  name: 'job',
  resource: R.jobs,
  triggers(ev) {
    const job = ev.resource === R.pods ? ownerOf(ev.object, 'Job') : undefined;
    return job ? [{ namespace: ev.object.metadata.namespace, name: job.name }] : [];
  },
  reconcile(ctx, key) {
    const job = ctx.store.get(R.jobs, key.namespace, key.name);
    if (!job || job.metadata.deletionTimestamp) return undefined;
    if (isCondTrue(job, 'Complete') || isCondTrue(job, 'Failed')) return undefined;
    const now = ctx.now();
    const completions = Number(job.spec?.completions ?? 1);
    const parallelism = Number(job.spec?.parallelism ?? 1);
    const backoffLimit = Number(job.spec?.backoffLimit ?? 6);
    let pods = podsOwnedBy(ctx.store, job);
    const succeeded = pods.filter((p) => p.status?.phase === 'Succeeded').length;
    const failed = pods.filter((p) => p.status?.phase === 'Failed').length;
    let active = pods.filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed').length;
    const done = succeeded >= completions;
    const failedOut = !done && failed > backoffLimit;
    if (!done && !failedOut && !job.spec?.suspend) {
      const want = Math.min(parallelism, completions - succeeded);
      for (let i = active; i < want; i++) {
        const name = `${job.metadata.name}-${randomSuffix()}`;
        pods.push(
          createPodFromTemplate(ctx.store, job, name, jobPodLabels(job), (spec) => {
            spec.restartPolicy ??= 'Never';
          }),
        );
        ctx.events.record(job, 'Normal', 'SuccessfulCreate', `Created pod: ${name}`, 'job-controller');
        active++;
      }
    }
    if (failedOut) {
      for (const p of pods.filter((x) => x.status?.phase !== 'Succeeded' && x.status?.phase !== 'Failed'))
        ctx.store.remove(R.pods, p.metadata.namespace, p.metadata.name);
      active = 0;
    }
    pods = podsOwnedBy(ctx.store, job);
    const latest = ctx.store.get(R.jobs, key.namespace, key.name);
    if (!latest) return undefined;
    let conditions: Condition[] | undefined = latest.status?.conditions;
    const status: Record<string, unknown> = {
      ...latest.status,
      startTime: latest.status?.startTime ?? isoSeconds(now),
      active: active || undefined,
      ready: pods.filter(isPodReady).length,
      succeeded: succeeded || undefined,
      failed: failed || undefined,
      terminating: 0,
      uncountedTerminatedPods: {},
    };
    if (done) {
      const msg = 'Reached expected number of succeeded pods';
      conditions = setCondition(
        conditions,
        { type: 'SuccessCriteriaMet', status: 'True', reason: 'CompletionsReached', message: msg, lastProbeTime: null },
        now,
      );
      conditions = setCondition(conditions, { type: 'Complete', status: 'True', reason: 'CompletionsReached', message: msg, lastProbeTime: null }, now);
      status.completionTime = isoSeconds(now);
      ctx.events.record(job, 'Normal', 'Completed', 'Job completed', 'job-controller');
    } else if (failedOut) {
      const msg = 'Job has reached the specified backoff limit';
      conditions = setCondition(conditions, { type: 'FailureTarget', status: 'True', reason: 'BackoffLimitExceeded', message: msg, lastProbeTime: null }, now);
      conditions = setCondition(conditions, { type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: msg, lastProbeTime: null }, now);
      ctx.events.record(job, 'Warning', 'BackoffLimitExceeded', msg, 'job-controller');
    }
    if (conditions) status.conditions = conditions;
    for (const k of Object.keys(status)) if (status[k] === undefined) delete status[k];
    ctx.store.replace(R.jobs, { ...latest, status });
    return undefined;
  },
};
