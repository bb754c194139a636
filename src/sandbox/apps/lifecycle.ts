// The kubelet's side of a simulated app container: each run (attempt) boots the app against the world
// as it is then; a failed boot exits (code 1), a startup or liveness probe that keeps failing gets the
// container killed (SIGTERM → 143); either way the container restarts after the kubelet's doubling
// back-off (CrashLoopBackOff in between). Readiness follows the readiness probe run against the app.
// Probe seconds are simulated: the profile's `springBootReady` stands for a 60-second Spring Boot start,
// and every probe delay and period is scaled by that same factor.
import type { Json, KObject } from '../apiserver/types.js';
import { resolvePort } from './ports.js';
import { containerEnv } from './env.js';
import type { AppEnvironment, AppSim, Boot } from './index.js';
import type { SimRecord, World } from './world.js';

/** What the pod controller needs to write a container's status. */
export interface AppState {
  running: boolean;
  ready: boolean;
  restarts: number;
  /** When the current run started (running) or the last one started (waiting). */
  startedMs: number;
  readyAtMs?: number;
  last?: { exitCode: number; reason: string; startedMs: number; finishedMs: number };
  /** While waiting to restart: the back-off in (simulated) seconds, as the kubelet's message gives it. */
  backoffSeconds?: number;
  wake?: number;
}

export interface LifecycleContext {
  world: World;
  now: number;
  dur(name: AppSim['startDelay'] | 'podStart'): number;
  isReady(pod: KObject): boolean;
  event(type: 'Normal' | 'Warning', reason: string, message: string): void;
}

const MAX_STEPS = 500;

function parse<T>(raw: unknown): T | undefined {
  return typeof raw === 'string' ? (JSON.parse(raw) as T) : undefined;
}

/** Simulated ms per real second of probe timing. */
const msPerSecond = (l: LifecycleContext): number => l.dur('springBootReady') / 60;

function probeWindowMs(l: LifecycleContext, p: Json, defaultThreshold = 3): number {
  const s = Number(p.initialDelaySeconds ?? 0) + Number(p.periodSeconds ?? 10) * Number(p.failureThreshold ?? defaultThreshold);
  return s * msPerSecond(l);
}

/** Runs one probe against the app; undefined when it succeeds, else the kubelet's failure text. */
function runProbe(app: AppSim, e: AppEnvironment, boot: Boot, probe: Json): string | undefined {
  const ip = e.pod.status?.podIP ?? '10.244.0.10';
  const action = probe.httpGet ?? probe.tcpSocket;
  if (!action) return undefined; // exec / grpc probes: the sandbox trusts the image
  const port = resolvePort(e.pod, action.port);
  const listening = boot.ok ? boot.port : undefined;
  if (probe.httpGet) {
    const path = String(probe.httpGet.path ?? '/');
    const url = `http://${ip}:${port ?? action.port}${path}`;
    if (port === undefined || port !== listening) return `Get "${url}": dial tcp ${ip}:${port ?? action.port}: connect: connection refused`;
    const [p, q = ''] = path.split('?');
    const res = app.serve(e, {
      method: 'GET',
      path: p ?? '/',
      query: new URLSearchParams(q),
      headers: { host: `${ip}:${port}`, 'user-agent': 'kube-probe/1.33' },
      body: '',
      port,
    });
    return res.status >= 200 && res.status < 400 ? undefined : `HTTP probe failed with statuscode: ${res.status}`;
  }
  return port !== undefined && port === listening ? undefined : `dial tcp ${ip}:${port ?? action.port}: connect: connection refused`;
}

/** Advances a started app container to `now`; `firstStartMs` is when the kubelet first started it. */
export function advanceApp(l: LifecycleContext, pod: KObject, sim: SimRecord, app: AppSim, firstStartMs: number): AppState {
  const container: Json = pod.spec?.containers?.[0] ?? {};
  const retryMs = Math.max(200, 4 * l.dur('podStart'));
  for (let step = 0; step < MAX_STEPS; step++) {
    const start = Number(sim.appAttemptMs ?? firstStartMs);
    const restarts = Number(sim.appRestarts ?? 0);
    const last = parse<AppState['last']>(sim.appLast);
    // Between two runs: the kubelet waits out the back-off (CrashLoopBackOff).
    if (l.now < start)
      return {
        running: false,
        ready: false,
        restarts,
        startedMs: last?.startedMs ?? start,
        ...(last ? { last } : {}),
        backoffSeconds: Math.min(300, 10 * 2 ** Math.max(0, restarts - 1)),
        wake: start,
      };
    if (sim.appBoot === undefined) {
      const resolved = containerEnv(l.world, pod, container);
      const env = 'vars' in resolved ? resolved.vars : (parse<Record<string, string>>(sim.appEnv) ?? {});
      const boot = app.boot({ world: l.world, pod, env, isReady: l.isReady, now: Math.max(start, Math.min(l.now, start + l.dur(app.startDelay))) });
      sim.appEnv = JSON.stringify(env);
      sim.appBoot = JSON.stringify(boot.ok ? { ok: true, port: boot.port } : { ok: false, exitCode: boot.exitCode });
      sim.appLogs = JSON.stringify(boot.logs);
      delete sim.appStartupOk;
      delete sim.appEvents;
    }
    const boot = parse<Boot>(sim.appBoot)!;
    const env = parse<Record<string, string>>(sim.appEnv) ?? {};
    const e: AppEnvironment = { world: l.world, pod, env, isReady: l.isReady, now: l.now };
    const base = { restarts, startedMs: start, ...(last ? { last } : {}) };
    const upAt = start + l.dur(app.startDelay);
    let endAt: number | undefined;
    let exitCode = 1;
    if (!boot.ok) {
      // Spring Boot gets about half-way (Tomcat initialised, Hibernate connecting) before it gives up.
      endAt = start + l.dur(app.startDelay) / 2;
    } else if (l.now < upAt) {
      return { ...base, running: true, ready: false, wake: upAt };
    } else {
      const startup = container.startupProbe;
      if (startup && !sim.appStartupOk) {
        const failure = runProbe(app, e, boot, startup);
        const deadline = start + Math.max(l.dur(app.startDelay), probeWindowMs(l, startup));
        if (!failure) sim.appStartupOk = l.now;
        else if (l.now < deadline) {
          noteOnce(l, sim, 'startup', 'Warning', 'Unhealthy', `Startup probe failed: ${failure}`);
          return { ...base, running: true, ready: false, wake: Math.min(deadline, l.now + pollMs(l, startup, retryMs)) };
        } else {
          endAt = deadline;
          exitCode = 143;
          noteOnce(l, sim, 'startup', 'Warning', 'Unhealthy', `Startup probe failed: ${failure}`);
          noteOnce(l, sim, 'kill', 'Normal', 'Killing', `Container ${container.name} failed startup probe, will be restarted`);
        }
      }
      if (endAt === undefined) {
        const liveness = container.livenessProbe;
        const liveFailure = liveness ? runProbe(app, e, boot, liveness) : undefined;
        const liveFrom = Number(sim.appStartupOk ?? upAt);
        if (liveFailure && liveness) {
          const deadline = Math.max(liveFrom, start) + probeWindowMs(l, liveness);
          noteOnce(l, sim, 'liveness', 'Warning', 'Unhealthy', `Liveness probe failed: ${liveFailure}`);
          if (l.now >= deadline) {
            endAt = deadline;
            exitCode = 143;
            noteOnce(l, sim, 'kill', 'Normal', 'Killing', `Container ${container.name} failed liveness probe, will be restarted`);
          }
        }
        if (endAt === undefined) {
          const readiness = container.readinessProbe;
          const readyFailure = readiness ? runProbe(app, e, boot, readiness) : undefined;
          if (readyFailure) noteOnce(l, sim, 'readiness', 'Warning', 'Unhealthy', `Readiness probe failed: ${readyFailure}`);
          const ready = !readyFailure;
          const poll = !ready || liveFailure ? l.now + pollMs(l, readiness ?? liveness ?? {}, retryMs) : undefined;
          if (ready && sim.appReadyMs === undefined) sim.appReadyMs = Math.max(upAt, Number(sim.appStartupOk ?? upAt));
          if (!ready) delete sim.appReadyMs;
          return { ...base, running: true, ready, ...(ready ? { readyAtMs: Number(sim.appReadyMs) } : {}), ...(poll ? { wake: poll } : {}) };
        }
      }
    }
    if (l.now < endAt!) return { ...base, running: true, ready: false, wake: endAt };
    // The run ended: the kubelet restarts it after a back-off that doubles each time (cap 32×).
    const n = restarts + 1;
    const backoff = Math.min(retryMs * 2 ** (n - 1), 32 * retryMs);
    const lastRun = { exitCode, reason: 'Error', startedMs: start, finishedMs: endAt! };
    sim.appRestarts = n;
    sim.appLast = JSON.stringify(lastRun);
    sim.appPreviousLogs = sim.appLogs;
    sim.appAttemptMs = endAt! + backoff;
    delete sim.appBoot;
    delete sim.appReadyMs;
    if (l.now < endAt! + backoff)
      l.event(
        'Warning',
        'BackOff',
        `Back-off restarting failed container ${container.name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`,
      );
  }
  return { running: false, ready: false, restarts: Number(sim.appRestarts ?? 0), startedMs: Number(sim.appAttemptMs ?? firstStartMs), backoffSeconds: 300 };
}

function pollMs(l: LifecycleContext, probe: Json, floor: number): number {
  return Math.max(floor, Number(probe.periodSeconds ?? 10) * msPerSecond(l));
}

/** Records an event once per container run (a real kubelet repeats them; once keeps the event list readable). */
function noteOnce(l: LifecycleContext, sim: SimRecord, key: string, type: 'Normal' | 'Warning', reason: string, message: string): void {
  const seen = String(sim.appEvents ?? '').split(',');
  if (seen.includes(key)) return;
  sim.appEvents = [...seen.filter(Boolean), key].join(',');
  l.event(type, reason, message);
}

/** What `kubectl logs` shows for an app container (`previous` = the last terminated run). */
export function appLogs(sim: SimRecord, previous = false): string[] | undefined {
  return parse<string[]>(previous ? sim.appPreviousLogs : sim.appLogs);
}
