// Where a pod is in its life, decided from its facts and the timestamps kept in its sim record:
// scheduled → image pulled → container started → ready (or crash looping / stuck with a reason).
// Recording the moment each step happened makes the pod's story survive a server restart.
import { R } from '../resources.js';
import type { SimRecord } from '../store.js';
import type { KObject } from '../types.js';
import type { ControllerContext } from './context.js';
import type { PullErrorKind } from '../../contract.js';
import { appFor } from '../../apps/index.js';
import { advanceApp, type AppState } from '../../apps/lifecycle.js';
import { NODE, containers, insufficient, missingConfig, readyDelayName, unboundClaims, workloadName, worldOf } from './pod-facts.js';
import { isPodReady } from './workload-pods.js';

export type Stage =
  | { kind: 'unschedulable'; message: string }
  | { kind: 'creating' }
  | { kind: 'pullError'; reason: 'ErrImagePull' | 'ImagePullBackOff'; image: string; message: string }
  | { kind: 'configError'; message: string }
  | { kind: 'running'; ready: boolean; readyAtMs: number }
  | { kind: 'crashing'; restarts: number; periodMs: number }
  /** A simulated lab app (src/sandbox/apps): its own boot, probes and restarts. */
  | { kind: 'app'; state: AppState };

export interface StageResult {
  stage: Stage;
  wake?: number;
}

/** How often the kubelet retries a failed pull or a crashed container, in simulated time. */
const retryMs = (ctx: ControllerContext): number => Math.max(200, 4 * ctx.dur('podStart'));
const MAX_RESTARTS = 30;

export function advancePod(ctx: ControllerContext, pod: KObject, sim: SimRecord): StageResult {
  const now = ctx.now();
  const ns = pod.metadata.namespace ?? '';
  const ev = (type: 'Normal' | 'Warning', reason: string, message: string, component?: string): void =>
    ctx.events.record(pod, type, reason, message, component);

  if (sim.scheduledMs === undefined) {
    const short = insufficient(pod);
    const unbound = short.length === 0 ? unboundClaims(ctx.store, pod) : [];
    const message =
      short.length > 0
        ? `0/1 nodes are available: ${short.map((s) => `1 ${s}`).join(', ')}. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.`
        : unbound.length > 0
          ? '0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.'
          : undefined;
    if (message) {
      if (sim.schedulingMessage !== message) ev('Warning', 'FailedScheduling', message, 'default-scheduler');
      sim.schedulingMessage = message;
      return { stage: { kind: 'unschedulable', message } };
    }
    sim.scheduledMs = now;
    ev('Normal', 'Scheduled', `Successfully assigned ${ns}/${pod.metadata.name} to ${NODE.name}`, 'default-scheduler');
  }

  const pullAt = Number(sim.scheduledMs) + ctx.dur('podStart');
  if (now < pullAt) return { stage: { kind: 'creating' }, wake: pullAt };

  const workload = workloadName(ctx.store, pod);
  if (sim.pulledMs === undefined) {
    const pullError = ctx.faults.imagePullError?.[workload];
    const forcedFailure = pullError !== undefined || (ctx.faults.imagePullFailure ?? []).includes(workload);
    const bad = containers(pod).find((c) => forcedFailure || !ctx.images.hasImage(String(c.image)));
    if (bad) {
      const image = String(bad.image);
      if (sim.pullFailedMs === undefined) {
        sim.pullFailedMs = now;
        ev('Normal', 'Pulling', `Pulling image "${image}"`);
        ev('Warning', 'Failed', pullFailedMessage(image, pullError ?? 'notFound'));
        ev('Warning', 'Failed', 'Error: ErrImagePull');
      }
      const backoffAt = Number(sim.pullFailedMs) + ctx.dur('podStart');
      const reason = now < backoffAt ? 'ErrImagePull' : 'ImagePullBackOff';
      if (reason === 'ImagePullBackOff' && !sim.pullBackoffEvent) {
        sim.pullBackoffEvent = 1;
        ev('Normal', 'BackOff', `Back-off pulling image "${image}"`);
        ev('Warning', 'Failed', 'Error: ImagePullBackOff');
      }
      const message =
        reason === 'ErrImagePull'
          ? pullFailedMessage(image, pullError ?? 'notFound').replace(/^Failed to pull image "[^"]*": /, '')
          : `Back-off pulling image "${image}"`;
      return { stage: { kind: 'pullError', reason, image, message }, wake: reason === 'ErrImagePull' ? backoffAt : now + retryMs(ctx) };
    }
    sim.pulledMs = now;
    for (const c of containers(pod)) ev('Normal', 'Pulled', `Successfully pulled image "${c.image}"`);
  }

  if (sim.startedMs === undefined) {
    const missing = missingConfig(ctx.store, pod, ctx.images);
    if (missing) {
      if (sim.configMessage !== missing) ev('Warning', 'Failed', `Error: ${missing}`);
      sim.configMessage = missing;
      return { stage: { kind: 'configError', message: missing } };
    }
    sim.startedMs = now;
    for (const c of containers(pod)) {
      ev('Normal', 'Created', `Created container: ${c.name}`);
      ev('Normal', 'Started', `Started container ${c.name}`);
    }
  }

  const startedMs = Number(sim.startedMs);
  if (ctx.faults.crashLoop?.[workload]) {
    const { restarts, nextMs, periodMs } = crashSchedule(startedMs, now, retryMs(ctx));
    if (restarts > 0 && sim.restarts !== restarts) {
      const c = containers(pod)[0];
      ev('Warning', 'BackOff', `Back-off restarting failed container ${c?.name} in pod ${pod.metadata.name}_${ns}(${pod.metadata.uid})`);
    }
    sim.restarts = restarts;
    return { stage: { kind: 'crashing', restarts, periodMs }, wake: nextMs };
  }
  const app = appFor(pod);
  if (app) {
    const lifecycle = {
      world: worldOf(ctx.store, ctx.images),
      now,
      dur: ctx.dur,
      isReady: isPodReady,
      event: (t: 'Normal' | 'Warning', r: string, m: string) => ev(t, r, m),
    };
    const state = advanceApp(lifecycle, pod, sim, app, startedMs);
    return { stage: { kind: 'app', state }, wake: state.wake };
  }
  const readyAtMs = startedMs + ctx.dur(readyDelayName(pod));
  return { stage: { kind: 'running', ready: now >= readyAtMs, readyAtMs }, wake: now >= readyAtMs ? undefined : readyAtMs };
}

/**
 * The kubelet's `Failed` event for a pull, in containerd 1.7's words (the kubelet prefixes
 * `Failed to pull image "<ref>": `). The 401 is ACR's answer to an anonymous token request; the DNS
 * failure is Azure's resolver (168.63.129.16) not knowing the host.
 */
export function pullFailedMessage(image: string, kind: PullErrorKind): string {
  const host = image.includes('/') && /[.:]/.test(image.split('/')[0]!) ? image.split('/')[0]! : 'registry-1.docker.io';
  const repo = image.slice(image.indexOf('/') + 1).replace(/[:@].*$/, '');
  const tag = /:([^/:@]+)$/.exec(image)?.[1] ?? 'latest';
  const prefix = `Failed to pull image "${image}": `;
  switch (kind) {
    case 'unauthorized':
      return `${prefix}rpc error: code = Unknown desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://${host}/oauth2/token?scope=repository%3A${encodeURIComponent(repo)}%3Apull&service=${host}: 401 Unauthorized`;
    case 'noSuchHost':
      return `${prefix}rpc error: code = Unknown desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": failed to do request: Head "https://${host}/v2/${repo}/manifests/${tag}": dial tcp: lookup ${host} on 168.63.129.16:53: no such host`;
    default:
      return `${prefix}rpc error: code = NotFound desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": ${image}: not found`;
  }
}

/**
 * Crash-loop timing: the container dies `base` after each start and the kubelet's back-off doubles
 * (capped at 32×base), so restartCount grows quickly at first and then slowly — as on a real node.
 */
export function crashSchedule(startedMs: number, now: number, base: number): { restarts: number; nextMs?: number; periodMs: number } {
  let t = startedMs + base;
  let restarts = 0;
  let step = base;
  while (t <= now && restarts < MAX_RESTARTS) {
    restarts++;
    step = Math.min(step * 2, 32 * base);
    t += step;
  }
  return { restarts, nextMs: restarts < MAX_RESTARTS ? t : undefined, periodMs: base };
}

export const POD_RESOURCES_THAT_UNBLOCK = [R.configmaps, R.secrets, R.pvcs] as const;
