// The kubelet and scheduler of the single simulated node: writes each pod's status from its stage.
import { R } from '../resources.js';
import { isoSeconds, type SimRecord } from '../store.js';
import type { Json, KObject } from '../types.js';
import type { Controller } from './context.js';
import { setCondition, type Condition } from './helpers.js';
import { NODE, containers } from './pod-facts.js';
import { completedStatus, isFinished, runsToCompletion } from './pod-completion.js';
import { podIpFor } from './pod-ip.js';
import { POD_RESOURCES_THAT_UNBLOCK, advancePod, type Stage } from './pod-stage.js';

function qosClass(pod: KObject): string {
  const cs = containers(pod);
  const req = cs.map((c) => c.resources?.requests ?? {});
  const lim = cs.map((c) => c.resources?.limits ?? {});
  if (cs.every((_, i) => !Object.keys(req[i]).length && !Object.keys(lim[i]).length)) return 'BestEffort';
  const guaranteed = cs.every(
    (_, i) => lim[i].cpu && lim[i].memory && (!req[i].cpu || req[i].cpu === lim[i].cpu) && (!req[i].memory || req[i].memory === lim[i].memory),
  );
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function containerState(stage: Stage, c: Json, pod: KObject, sim: SimRecord): { state: Json; lastState: Json; ready: boolean; restarts: number } {
  const started = isoSeconds(Number(sim.startedMs ?? 0));
  switch (stage.kind) {
    case 'unschedulable':
    case 'creating':
      return { state: { waiting: { reason: 'ContainerCreating' } }, lastState: {}, ready: false, restarts: 0 };
    case 'pullError':
      return { state: { waiting: { reason: stage.reason, message: stage.message } }, lastState: {}, ready: false, restarts: 0 };
    case 'configError':
      return { state: { waiting: { reason: 'CreateContainerConfigError', message: stage.message } }, lastState: {}, ready: false, restarts: 0 };
    case 'running':
      return { state: { running: { startedAt: started } }, lastState: {}, ready: stage.ready, restarts: 0 };
    case 'app': {
      const a = stage.state;
      const lastState = a.last
        ? {
            terminated: {
              exitCode: a.last.exitCode,
              reason: a.last.reason,
              startedAt: isoSeconds(a.last.startedMs),
              finishedAt: isoSeconds(a.last.finishedMs),
            },
          }
        : {};
      const state = a.running
        ? { running: { startedAt: isoSeconds(a.startedMs) } }
        : {
            waiting: {
              reason: 'CrashLoopBackOff',
              message: `back-off ${a.backoffSeconds ?? 10}s restarting failed container=${c.name} pod=${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`,
            },
          };
      return { state, lastState, ready: a.ready, restarts: a.restarts };
    }
    case 'crashing': {
      if (stage.restarts === 0) return { state: { running: { startedAt: started } }, lastState: {}, ready: false, restarts: 0 };
      const lastStart = Number(sim.startedMs) + (stage.restarts - 1) * stage.periodMs;
      const backoff = Math.min(300, 10 * 2 ** (stage.restarts - 1));
      return {
        state: {
          waiting: {
            reason: 'CrashLoopBackOff',
            message: `back-off ${backoff}s restarting failed container=${c.name} pod=${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`,
          },
        },
        lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: isoSeconds(lastStart), finishedAt: isoSeconds(lastStart + stage.periodMs / 2) } },
        ready: false,
        restarts: stage.restarts,
      };
    }
  }
}

export function podStatus(pod: KObject, stage: Stage, sim: SimRecord, now: number, ip: string): Json {
  const scheduled = stage.kind !== 'unschedulable';
  let conds: Condition[] = pod.status?.conditions ?? [];
  const schedAt = Number(sim.scheduledMs ?? now);
  if (!scheduled) {
    conds = setCondition(conds, { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: stage.message, lastProbeTime: null }, now);
    return { phase: 'Pending', conditions: conds, qosClass: qosClass(pod) };
  }
  const states = containers(pod).map((c) => ({ c, ...containerState(stage, c, pod, sim) }));
  const allReady = states.length > 0 && states.every((s) => s.ready);
  const unready = states.filter((s) => !s.ready).map((s) => s.c.name);
  const readyCond = allReady
    ? { status: 'True' as const }
    : { status: 'False' as const, reason: 'ContainersNotReady', message: `containers with unready status: [${unready.join(' ')}]` };
  const readyAt = stage.kind === 'running' ? stage.readyAtMs : stage.kind === 'app' ? (stage.state.readyAtMs ?? now) : now;
  conds = setCondition(
    conds,
    { type: 'PodReadyToStartContainers', status: sim.pulledMs !== undefined || stage.kind === 'pullError' ? 'True' : 'False', lastProbeTime: null },
    schedAt,
  );
  conds = setCondition(conds, { type: 'Initialized', status: 'True', lastProbeTime: null }, schedAt);
  conds = setCondition(conds, { type: 'Ready', ...readyCond, lastProbeTime: null }, allReady ? readyAt : now);
  conds = setCondition(conds, { type: 'ContainersReady', ...readyCond, lastProbeTime: null }, allReady ? readyAt : now);
  conds = setCondition(conds, { type: 'PodScheduled', status: 'True', lastProbeTime: null }, schedAt);
  const running = stage.kind === 'running' || stage.kind === 'crashing' || stage.kind === 'app';
  return {
    phase: running ? 'Running' : 'Pending',
    conditions: conds,
    hostIP: '10.224.0.4',
    hostIPs: [{ ip: '10.224.0.4' }],
    podIP: ip,
    podIPs: [{ ip }],
    startTime: isoSeconds(schedAt),
    containerStatuses: states.map((s) => ({
      name: s.c.name,
      image: s.c.image,
      imageID: sim.pulledMs !== undefined ? `${String(s.c.image).split(':')[0]}@sha256:${'0'.repeat(64)}` : '',
      ready: s.ready,
      restartCount: s.restarts,
      started: !!s.state.running,
      state: s.state,
      lastState: s.lastState,
      ...(sim.startedMs !== undefined ? { containerID: `containerd://${String(pod.metadata.uid).replace(/-/g, '')}${s.restarts}` } : {}),
    })),
    qosClass: qosClass(pod),
  };
}

export const podController: Controller = {
  name: 'kubelet',
  resource: R.pods,
  // A pod waiting for a ConfigMap, Secret or PVC is looked at again when one appears in its namespace.
  triggers(ev, ctx) {
    if (!(POD_RESOURCES_THAT_UNBLOCK as readonly string[]).includes(ev.resource)) return [];
    return ctx.store
      .view(R.pods, ev.object.metadata.namespace)
      .filter((p) => ctx.store.simOf(p).startedMs === undefined)
      .map((p) => ({ namespace: p.metadata.namespace, name: p.metadata.name }));
  },
  reconcile(ctx, key) {
    const pod = ctx.store.get(R.pods, key.namespace, key.name);
    if (!pod || pod.metadata.deletionTimestamp || isFinished(pod)) return undefined;
    const sim = ctx.store.simOf(pod);
    const { stage, wake } = advancePod(ctx, pod, sim);
    const latest = ctx.store.get(R.pods, key.namespace, key.name);
    if (!latest) return undefined;
    const spec = stage.kind === 'unschedulable' ? latest.spec : { ...latest.spec, nodeName: NODE.name };
    const status = podStatus(latest, stage, sim, ctx.now(), podIpFor(ctx.store, latest));
    const final = runsToCompletion(latest) ? completedStatus(latest, stage, status, sim, ctx.now()) : undefined;
    ctx.store.replace(R.pods, { ...latest, spec, status: final ?? status });
    return final ? undefined : wake;
  },
};
