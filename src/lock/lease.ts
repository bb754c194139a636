// One run per ID: the facts of the coordination.k8s.io/v1 Lease that says which lifesub process is
// working on an ID right now. Pure: reading a Lease, judging it, building the next version of it.
//
// Where the Lease lives: namespace `default`, name `lifesub-<id>`. Not the ID's own namespace, because
// that does not exist before the first `up` and goes away during `down` — a lock that moves between
// namespaces lets two runs each hold "the" lock. Not `kube-system`: on AKS a lab user's role (e.g.
// "Azure Kubernetes Service RBAC Writer" bound per namespace, or a RoleBinding a course hands out) often
// may not write there, and nothing of a student's belongs among the system's objects. `default` exists
// in every cluster, is not a system namespace, and is where a student with `kubectl` access can write.
// A released Lease stays (holder cleared), as client-go's leader election leaves its Leases.
import type { KubeObject, ObjectRef } from '../adapters/types.js';
import { ID_LABEL, MANAGED_BY } from '../steps/ownership.js';

export const LOCK_NAMESPACE = 'default';
/** A holder that has not renewed for this long is gone; its Lease may be taken over. */
export const LEASE_DURATION_SECONDS = 30;
const COMMAND_ANNOTATION = 'lifesub.io/command';

export function leaseRef(id: string): ObjectRef {
  return { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', name: `lifesub-${id}`, namespace: LOCK_NAMESPACE };
}

/** Who holds (or held) a Lease, from its holderIdentity "host/pid/nonce" and acquireTime. */
export interface Holder {
  identity: string;
  host: string;
  pid: number;
  /** `up` or `down`, when the holder said. */
  command?: string;
  /** acquireTime, ms since epoch. */
  sinceMs?: number;
}

/** "vm1/4242/3f9a1c": unique per process and run, readable by people. */
export function holderIdentity(host: string, pid: number, nonce: string): string {
  return `${host}/${pid}/${nonce}`;
}

export function holderOf(lease: KubeObject): Holder | undefined {
  const spec = specOf(lease);
  if (!spec.holderIdentity) return undefined;
  const parts = spec.holderIdentity.split('/');
  const pid = Number(parts[parts.length - 2]);
  return {
    identity: spec.holderIdentity,
    host: parts.length >= 3 ? parts.slice(0, -2).join('/') : spec.holderIdentity,
    pid: Number.isInteger(pid) ? pid : 0,
    command: lease.metadata.annotations?.[COMMAND_ANNOTATION],
    sinceMs: parseTime(spec.acquireTime),
  };
}

export type LeaseState = { state: 'free' } | { state: 'held'; holder: Holder } | { state: 'expired'; holder: Holder };

/**
 * free: no holder (released). expired: the holder has not renewed within leaseDurationSeconds, or it
 * is a process on this very host that no longer exists (`alive(pid)` false: a SIGKILLed run need not
 * be waited out). held: otherwise.
 */
export function leaseState(lease: KubeObject, now: number, local: { host: string; alive(pid: number): boolean }): LeaseState {
  const holder = holderOf(lease);
  if (!holder) return { state: 'free' };
  const spec = specOf(lease);
  const renewed = parseTime(spec.renewTime) ?? holder.sinceMs ?? 0;
  const duration = (spec.leaseDurationSeconds ?? LEASE_DURATION_SECONDS) * 1000;
  if (now > renewed + duration) return { state: 'expired', holder };
  if (holder.host === local.host && holder.pid > 0 && !local.alive(holder.pid)) return { state: 'expired', holder };
  return { state: 'held', holder };
}

/** A new Lease held by `identity`, or the next version of `previous` (keeps its resourceVersion for the guarded write). */
export function heldLease(id: string, identity: string, command: string, now: number, previous?: KubeObject): KubeObject {
  const ref = leaseRef(id);
  const prevSpec = previous ? specOf(previous) : {};
  const takeover = previous !== undefined && prevSpec.holderIdentity !== identity;
  return {
    apiVersion: ref.apiVersion,
    kind: ref.kind,
    metadata: {
      ...(previous ? { resourceVersion: previous.metadata.resourceVersion } : {}),
      name: ref.name,
      namespace: ref.namespace,
      labels: { [MANAGED_BY]: 'lifesub', [ID_LABEL]: id },
      annotations: { [COMMAND_ANNOTATION]: command },
    },
    spec: {
      holderIdentity: identity,
      leaseDurationSeconds: LEASE_DURATION_SECONDS,
      acquireTime: takeover || !prevSpec.acquireTime ? microTime(now) : prevSpec.acquireTime,
      renewTime: microTime(now),
      leaseTransitions: (prevSpec.leaseTransitions ?? 0) + (takeover ? 1 : 0),
    },
  };
}

/** The released version of our Lease: no holder, so the next run takes it at once. */
export function releasedLease(lease: KubeObject, now: number): KubeObject {
  const { holderIdentity: _h, acquireTime: _a, ...spec } = specOf(lease);
  return { ...lease, metadata: { ...lease.metadata }, spec: { ...spec, leaseDurationSeconds: 1, renewTime: microTime(now) } };
}

/** "bob's `up` on vm1 (pid 4242) since 05:20:01 UTC, 12s ago". */
export function describeHolder(holder: Holder, now: number): string {
  const what = holder.command ? `\`lifesub ${holder.command}\`` : 'a lifesub run';
  const since = holder.sinceMs === undefined ? '' : ` since ${new Date(holder.sinceMs).toISOString().replace(/\.\d+Z$/, 'Z')} (${ago(now - holder.sinceMs)})`;
  return `${what} on host ${holder.host} (pid ${holder.pid})${since}`;
}

interface LeaseSpec {
  holderIdentity?: string;
  leaseDurationSeconds?: number;
  acquireTime?: string;
  renewTime?: string;
  leaseTransitions?: number;
}

function specOf(lease: KubeObject): LeaseSpec {
  return (lease.spec ?? {}) as LeaseSpec;
}

/** Kubernetes MicroTime: RFC 3339 with microseconds ("2026-11-30T05:20:01.123000Z"). */
export function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

function parseTime(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

function ago(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 120 ? `${s}s ago` : `${Math.round(s / 60)}m ago`;
}
