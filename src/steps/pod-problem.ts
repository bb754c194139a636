// What is wrong with one pod, read from its status alone (pure). diagnose.ts adds logs and events.
import type { KubeObject } from '../adapters/types.js';

export interface ContainerStatus {
  name: string;
  image?: string;
  ready?: boolean;
  restartCount?: number;
  state?: {
    waiting?: { reason?: string; message?: string };
    running?: unknown;
    terminated?: { reason?: string; exitCode?: number; message?: string };
  };
}

interface PodStatus {
  phase?: string;
  conditions?: Array<{ type: string; status: string; reason?: string; message?: string }>;
  initContainerStatuses?: ContainerStatus[];
  containerStatuses?: ContainerStatus[];
}

export type ProblemKind = 'image' | 'crash' | 'config' | 'unschedulable' | 'starting';

export interface PodProblem {
  kind: ProblemKind;
  pod: string;
  container?: string;
  image?: string;
  /** Kubernetes' reason: ImagePullBackOff, CrashLoopBackOff, Unschedulable, … */
  reason: string;
  message: string;
  restartCount: number;
  /** Will not fix itself: fail now rather than wait out the timeout. */
  fatal: boolean;
}

/** Crash loops get this many restarts before lifesub gives up early (a slow first start is normal). */
export const CRASH_RESTARTS_FATAL = 3;

const IMAGE_REASONS = new Set(['ImagePullBackOff', 'ErrImagePull', 'InvalidImageName', 'ErrImageNeverPull']);
const CONFIG_REASONS = new Set(['CreateContainerConfigError', 'CreateContainerError']);

export function podProblem(pod: KubeObject): PodProblem | undefined {
  const status = (pod.status ?? {}) as PodStatus;
  const name = pod.metadata.name;
  const containers = [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])];

  for (const c of containers) {
    const waiting = c.state?.waiting;
    const reason = waiting?.reason;
    if (!reason) continue;
    const base = { pod: name, container: c.name, image: c.image, reason, message: waiting.message ?? '', restartCount: c.restartCount ?? 0 };
    if (IMAGE_REASONS.has(reason)) return { ...base, kind: 'image', fatal: reason !== 'ErrImagePull' };
    if (reason === 'CrashLoopBackOff') return { ...base, kind: 'crash', fatal: base.restartCount >= CRASH_RESTARTS_FATAL };
    if (CONFIG_REASONS.has(reason)) return { ...base, kind: 'config', fatal: true };
  }

  const scheduled = status.conditions?.find((c) => c.type === 'PodScheduled');
  if (status.phase === 'Pending' && scheduled?.status === 'False') {
    return {
      kind: 'unschedulable',
      pod: name,
      reason: scheduled.reason ?? 'Unschedulable',
      message: scheduled.message ?? '',
      restartCount: 0,
      fatal: false,
    };
  }

  for (const c of containers) {
    const waiting = c.state?.waiting;
    if (waiting?.reason) {
      return {
        kind: 'starting',
        pod: name,
        container: c.name,
        reason: waiting.reason,
        message: waiting.message ?? '',
        restartCount: c.restartCount ?? 0,
        fatal: false,
      };
    }
    if (c.state?.running !== undefined && c.ready === false) {
      return {
        kind: 'starting',
        pod: name,
        container: c.name,
        reason: 'NotReady',
        message: `container ${c.name} is running but not ready yet`,
        restartCount: c.restartCount ?? 0,
        fatal: false,
      };
    }
  }
  return undefined;
}
