// One run per ID: the Lease protocol against the in-memory Kubernetes (guarded writes like the API
// server's). Time is injected, so expiry is tested without waiting.
import { describe, expect, test } from 'vitest';
import type { KubeObject } from '../../../src/adapters/types.js';
import { AbortedError, ToolError } from '../../../src/core/errors.js';
import { heldLease, holderOf, leaseRef, leaseState, microTime } from '../../../src/lock/lease.js';
import { acquireRunLock, type RunLockOptions } from '../../../src/lock/run-lock.js';
import { FakeKube } from '../../fakes/fake-kube.js';

const T0 = Date.parse('2026-11-30T05:00:00Z');
const never = new AbortController().signal;

function opts(over: Partial<RunLockOptions> = {}): RunLockOptions & { lines: string[] } {
  const lines: string[] = [];
  return {
    id: 'alice',
    command: 'up',
    wait: false,
    signal: never,
    log: (l) => lines.push(l),
    host: 'vm1',
    pid: 100,
    now: () => T0,
    alive: () => true,
    pollMs: 5,
    renewMs: 60_000,
    lines,
    ...over,
  };
}

const lease = (kube: FakeKube, id = 'alice'): KubeObject | undefined => kube.find('Lease', `lifesub-${id}`, 'default');

describe('acquireRunLock', () => {
  test('creates Lease default/lifesub-<id> with holder, times and duration, labelled as lifesub’s', async () => {
    const kube = new FakeKube();
    const lock = await acquireRunLock(kube, opts());
    const l = lease(kube)!;
    expect(l.apiVersion).toBe('coordination.k8s.io/v1');
    expect(l.metadata.labels).toEqual({ 'app.kubernetes.io/managed-by': 'lifesub', 'lifesub.io/id': 'alice' });
    expect(l.spec).toMatchObject({ leaseDurationSeconds: 30, acquireTime: microTime(T0), renewTime: microTime(T0) });
    expect(holderOf(l)).toMatchObject({ host: 'vm1', pid: 100, command: 'up', sinceMs: T0 });
    await lock.release();
    expect(holderOf(lease(kube)!)).toBeUndefined();
  });

  test('a second run of the same ID fails at once naming host, pid, command and since when', async () => {
    const kube = new FakeKube();
    await acquireRunLock(kube, opts());
    const err = await acquireRunLock(kube, opts({ pid: 200, command: 'down', now: () => T0 + 12_000 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ToolError);
    expect((err as ToolError).message).toBe(
      'id alice is in use: `lifesub up` on host vm1 (pid 100) since 2026-11-30T05:00:00Z (12s ago) holds its lock (Lease default/lifesub-alice)',
    );
    expect((err as ToolError).hint).toMatch(/--wait-lock/);
    expect(holderOf(lease(kube)!)!.pid).toBe(100);
  });

  test('different IDs never wait on each other', async () => {
    const kube = new FakeKube();
    await acquireRunLock(kube, opts());
    await acquireRunLock(kube, opts({ id: 'bob', pid: 200 }));
    expect(holderOf(lease(kube, 'bob')!)!.pid).toBe(200);
  });

  test('--wait-lock waits, says for whom once, and takes it when released', async () => {
    const kube = new FakeKube();
    const first = await acquireRunLock(kube, opts());
    const o = opts({ wait: true, pid: 200 });
    const second = acquireRunLock(kube, o);
    await new Promise((r) => setTimeout(r, 30));
    expect(o.lines).toEqual(['waiting for the lock of id alice: held by `lifesub up` on host vm1 (pid 100) since 2026-11-30T05:00:00Z (0s ago)']);
    await first.release();
    await second;
    expect(holderOf(lease(kube)!)!.pid).toBe(200);
  });

  test('Ctrl-C while waiting ends with AbortedError', async () => {
    const kube = new FakeKube();
    await acquireRunLock(kube, opts());
    const ctl = new AbortController();
    const waiting = acquireRunLock(kube, opts({ wait: true, pid: 200, signal: ctl.signal }));
    setTimeout(() => ctl.abort(), 20);
    await expect(waiting).rejects.toBeInstanceOf(AbortedError);
  });

  test('an expired Lease is taken over, saying whose it was', async () => {
    const kube = new FakeKube();
    await acquireRunLock(kube, opts());
    const o = opts({ pid: 200, now: () => T0 + 31_000 });
    await acquireRunLock(kube, o);
    expect(holderOf(lease(kube)!)).toMatchObject({ pid: 200, sinceMs: T0 + 31_000 });
    expect(lease(kube)!.spec).toMatchObject({ leaseTransitions: 1 });
    expect(o.lines[0]).toMatch(/taking over the lock of id alice: `lifesub up` on host vm1 \(pid 100\)/);
  });

  test('a holder on this host whose process is gone is taken over without waiting out the lease', async () => {
    const kube = new FakeKube();
    await acquireRunLock(kube, opts());
    await acquireRunLock(kube, opts({ pid: 200, alive: (pid) => pid !== 100 }));
    expect(holderOf(lease(kube)!)!.pid).toBe(200);
  });

  test('two racing runs: the guarded write lets exactly one win', async () => {
    const kube = new FakeKube();
    const results = await Promise.allSettled([
      acquireRunLock(kube, opts({ pid: 1 })),
      acquireRunLock(kube, opts({ pid: 2 })),
      acquireRunLock(kube, opts({ pid: 3 })),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => ((r as PromiseRejectedResult).reason as Error).message)).toEqual([
      expect.stringMatching(/is in use/),
      expect.stringMatching(/is in use/),
    ]);
  });

  test('a racing takeover of an expired Lease: the replace guarded by resourceVersion lets one win', async () => {
    const kube = new FakeKube();
    const stale = heldLease('alice', 'vm9/9/x', 'up', T0 - 60_000);
    kube.put({ ...stale, metadata: { ...stale.metadata, resourceVersion: 'seeded' } });
    const results = await Promise.allSettled([acquireRunLock(kube, opts({ pid: 1 })), acquireRunLock(kube, opts({ pid: 2 }))]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  test('renews in the background; a Lease taken over by another fires `lost`', async () => {
    const kube = new FakeKube();
    let now = T0;
    const lock = await acquireRunLock(kube, opts({ renewMs: 10, now: () => now }));
    now = T0 + 5_000;
    await new Promise((r) => setTimeout(r, 40));
    expect((lease(kube)!.spec as { renewTime: string }).renewTime).toBe(microTime(T0 + 5_000));
    kube.put(heldLease('alice', 'other/1/y', 'up', now));
    await new Promise((r) => setTimeout(r, 40));
    expect(lock.lost.aborted).toBe(true);
    expect((lock.lost.reason as Error).message).toMatch(/lost the lock of id alice/);
    await lock.release();
    expect(holderOf(lease(kube)!)!.identity, 'release never clears someone else’s hold').toBe('other/1/y');
  });
});

describe('leaseState', () => {
  const local = { host: 'vm1', alive: () => true };
  test('free, held, expired by time', () => {
    const l = heldLease('alice', 'vm2/5/a', 'up', T0);
    expect(leaseState({ ...l, spec: {} }, T0, local).state).toBe('free');
    expect(leaseState(l, T0 + 29_000, local).state).toBe('held');
    expect(leaseState(l, T0 + 31_000, local).state).toBe('expired');
  });
  test('leaseRef', () =>
    expect(leaseRef('alice')).toEqual({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', name: 'lifesub-alice', namespace: 'default' }));
});
