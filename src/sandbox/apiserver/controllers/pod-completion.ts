// Pods that run to completion (restartPolicy Never or OnFailure, as Jobs make them): once the
// container's work is done the kubelet reports phase Succeeded with a terminated container (exit 0,
// reason Completed); a container that keeps failing under `Never` ends the pod in phase Failed.
import { isoSeconds, type SimRecord } from '../store.js';
import type { Json, KObject } from '../types.js';
import { setCondition, type Condition } from './helpers.js';
import type { Stage } from './pod-stage.js';

/** A pod whose containers are not restarted after a successful exit (restartPolicy Never or OnFailure). */
export function runsToCompletion(pod: KObject): boolean {
  const policy = pod.spec?.restartPolicy;
  return policy === 'Never' || policy === 'OnFailure';
}

/** Phase Succeeded or Failed: the kubelet is done with the pod. */
export function isFinished(pod: KObject): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/**
 * The final status of a run-to-completion pod, or undefined while it is still working. The work takes
 * as long as the app's ready delay; a crash under `Never` is final at the first exit.
 */
export function completedStatus(pod: KObject, stage: Stage, running: Json, sim: SimRecord, now: number): Json | undefined {
  const startedMs = Number(sim.startedMs ?? now);
  let exitCode: number;
  let finishedMs: number;
  if (stage.kind === 'running' && stage.ready) {
    exitCode = 0;
    finishedMs = stage.readyAtMs;
  } else if (stage.kind === 'crashing' && pod.spec?.restartPolicy === 'Never') {
    exitCode = 1;
    finishedMs = startedMs;
  } else return undefined;
  sim.finishedMs ??= finishedMs;
  const reason = exitCode === 0 ? 'Completed' : 'Error';
  const ready: Condition = { type: 'Ready', status: 'False', reason: 'PodCompleted', lastProbeTime: null };
  let conds: Condition[] = running.conditions ?? [];
  conds = setCondition(conds, ready, Number(sim.finishedMs));
  conds = setCondition(conds, { ...ready, type: 'ContainersReady' }, Number(sim.finishedMs));
  conds = setCondition(conds, { type: 'PodReadyToStartContainers', status: 'False', lastProbeTime: null }, Number(sim.finishedMs));
  return {
    ...running,
    phase: exitCode === 0 ? 'Succeeded' : 'Failed',
    conditions: conds,
    containerStatuses: (running.containerStatuses ?? []).map((cs: Json) => ({
      ...cs,
      ready: false,
      started: false,
      state: {
        terminated: { exitCode, reason, startedAt: isoSeconds(startedMs), finishedAt: isoSeconds(Number(sim.finishedMs)), containerID: cs.containerID },
      },
    })),
  };
}
