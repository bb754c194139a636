// Never lose a student's environment, never touch anyone else's — through the built CLI against
// `lifesub sandbox serve` (one simulated cluster that outlives every command):
//  - one run per ID (a Lease): two `up` of one ID → exactly one proceeds, the other exits 1 naming the
//    holder; `--wait-lock` waits; `up` + `down` likewise; different IDs proceed together;
//  - `down` stops (exit 1, nothing deleted) on an object lifesub did not create, unless --force; a
//    bystander namespace and another student's lab are untouched either way;
// (Transient and permanent API faults: api-faults.test.ts, a file of its own so that it runs beside this one.)
import type { KubernetesObjectApi } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, explain, freshHome, killAllCli, removeHome, runCli, spawnCli, startServe, summaryOf, type Serve } from '../support/cli.js';
import { changes, get, objectApi, snapshot } from './helpers/cluster.js';
import { expectWellFormed, realFailures, runUp, upArgs } from './helpers/expect-run.js';
import { leftovers } from './helpers/processes.js';

const homes: string[] = [];
let serve: Serve;
let api: KubernetesObjectApi;
let env: Record<string, string>;

beforeAll(async () => {
  assertBuilt();
  const home = freshHome('reliability');
  homes.push(home);
  env = { LIFESUB_HOME: home };
  serve = await startServe(env);
  api = objectApi(serve.kubeconfig);
}, 30_000);

afterAll(async () => {
  await serve?.stop();
  killAllCli();
  for (const h of homes) removeHome(h);
});

const downArgs = (id: string, ...extra: string[]) => ['down', '--id', id, '--sandbox', '--output', 'json', '--yes', ...extra];
const LEASE = (id: string) => ({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: `lifesub-${id}`, namespace: 'default' } });

/** Puts a Lease for `id` held by a process on another machine, renewed `renewedAgoMs` ago. */
async function holdLease(id: string, renewedAgoMs: number): Promise<void> {
  const at = new Date(Date.now() - renewedAgoMs).toISOString().replace('Z', '000Z');
  const lease = { ...LEASE(id), spec: { holderIdentity: 'other-host/4242/abc123', leaseDurationSeconds: 30, acquireTime: at, renewTime: at } };
  const existing = await get(api, 'coordination.k8s.io/v1', 'Lease', `lifesub-${id}`, 'default');
  if (existing) await api.replace({ ...lease, metadata: { ...lease.metadata, resourceVersion: existing.metadata.resourceVersion } });
  else await api.create(lease);
}

async function holderOf(id: string): Promise<string | undefined> {
  const lease = await get(api, 'coordination.k8s.io/v1', 'Lease', `lifesub-${id}`, 'default');
  return (lease?.spec as { holderIdentity?: string } | undefined)?.holderIdentity;
}

describe.sequential('one run per ID, and down deletes only what lifesub made (sandbox serve)', () => {
  it('two `up` of one ID at once: exactly one proceeds, the other exits 1 naming the holder; another ID proceeds alongside', async () => {
    const a = spawnCli(upArgs('lockx'), { env, timeoutMs: 180_000 });
    const b = spawnCli(upArgs('lockx'), { env, timeoutMs: 180_000 });
    // Its own workspace: the lock is per ID, and two IDs cloning into one directory at once is another matter.
    const c = spawnCli(upArgs('locky', '--workspace', `${env.LIFESUB_HOME}/ws-locky`), { env, timeoutMs: 180_000 });
    const [ra, rb, rc] = await Promise.all([a.done, b.done, c.done]);
    expect(rc.code, explain(rc)).toBe(0);
    expect([ra.code, rb.code].sort(), `${explain(ra)}\n${explain(rb)}`).toEqual([0, 1]);
    const [winner, loser, winnerPid] = ra.code === 0 ? [ra, rb, a.child.pid] : [rb, ra, b.child.pid];
    expectWellFormed(winner, 'up', 'lockx');
    expect(loser.stderr).toMatch(
      new RegExp(`error: id lockx is in use: \`lifesub up\` on host \\S+ \\(pid ${winnerPid}\\) since \\S+Z \\(\\d+s ago\\) holds its lock`),
    );
    expect(loser.stderr).toMatch(/hint: .*--wait-lock/);
    expect(summaryOf(loser).error).toMatchObject({ step: 'lock', exitCode: 1 });
    expect(realFailures(loser), 'the loser ran no step').toEqual([]);
    // Released at the end: no holder left.
    expect(await holderOf('lockx')).toBeUndefined();
  }, 200_000);

  it('a held lock: `down` exits 1 naming host and pid; `up --wait-lock` waits, says so, and proceeds once it is released', async () => {
    await holdLease('lockx', 0);
    const down = await runCli(downArgs('lockx'), { env, timeoutMs: 60_000 });
    expect(down.code, explain(down)).toBe(1);
    expect(down.stderr).toMatch(/id lockx is in use: a lifesub run on host other-host \(pid 4242\) since/);
    expect(await get(api, 'v1', 'Namespace', 'lockx-lifesub-ns'), 'nothing was removed').toBeDefined();

    const waiting = spawnCli(upArgs('lockx', '--wait-lock'), { env, timeoutMs: 120_000 });
    let stderr = '';
    waiting.child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    for (let i = 0; i < 200 && !/waiting for the lock/.test(stderr); i++) await new Promise((r) => setTimeout(r, 100));
    expect(stderr).toMatch(/waiting for the lock of id lockx: held by a lifesub run on host other-host \(pid 4242\)/);
    // The other holder lets go.
    const lease = (await get(api, 'coordination.k8s.io/v1', 'Lease', 'lifesub-lockx', 'default'))!;
    await api.replace({ ...lease, spec: { leaseDurationSeconds: 1, renewTime: new Date().toISOString().replace('Z', '000Z') } });
    const r = await waiting.done;
    expect(r.code, explain(r)).toBe(0);
  }, 150_000);

  it('an expired lock is taken over', async () => {
    await holdLease('locky', 60_000);
    const up = await runUp('locky', { env, timeoutMs: 120_000 }, '--workspace', `${env.LIFESUB_HOME}/ws-locky`);
    expect(up.code, explain(up)).toBe(0);
    expect(up.stderr).toMatch(/taking over the lock of id locky: a lifesub run on host other-host \(pid 4242\)/);
  }, 150_000);

  it('down with a foreign ConfigMap: exit 1 naming it, nothing deleted; with --force gone; bystanders untouched', async () => {
    await api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bystander' } });
    await api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'keep-me', namespace: 'bystander' }, data: { a: 'b' } });
    await api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'student-notes', namespace: 'locky-lifesub-ns' }, data: { todo: 'x' } });
    const watched = ['locky-lifesub-ns', 'lockx-lifesub-ns', 'bystander', 'ingress-basic'];
    const before = await snapshot(api, watched);

    const refused = await runCli(downArgs('locky'), { env, timeoutMs: 60_000 });
    expect(refused.code, explain(refused)).toBe(1);
    expect(summaryOf(refused).error).toMatchObject({ step: 'foreign-objects', exitCode: 1 });
    expect(summaryOf(refused).error!.message).toContain('ConfigMap/student-notes');
    expect(summaryOf(refused).error!.hint).toContain('--force');
    expect(changes(before, await snapshot(api, watched)), 'nothing deleted or changed').toEqual([]);

    const bystanders = ['lockx-lifesub-ns', 'bystander', 'ingress-basic'];
    const others = await snapshot(api, bystanders);
    const forced = await runCli(downArgs('locky', '--force', '--include-ingress'), { env, timeoutMs: 90_000 });
    expect(forced.code, explain(forced)).toBe(0);
    expect(await get(api, 'v1', 'Namespace', 'locky-lifesub-ns')).toBeUndefined();
    expect(
      changes(others, await snapshot(api, bystanders)),
      'another lab, a bystander namespace and the shared controller (still used by lockx) untouched',
    ).toEqual([]);
  }, 200_000);

  it.each(['SIGHUP', 'SIGKILL'] as const)(
    '%s mid-step (helm installing a database): the next `up` completes',
    async (sig) => {
      const id = `kill${sig === 'SIGHUP' ? 'h' : 'k'}`;
      const args = upArgs(id, '--workspace', `${env.LIFESUB_HOME}/ws-${id}`);
      const run = spawnCli(args, { env, timeoutMs: 120_000 });
      let out = '';
      run.child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
      for (let i = 0; i < 1200 && !/"step":"database:[a-z]+","status":"start"/.test(out); i++) await new Promise((r) => setTimeout(r, 50));
      expect(out, 'a database install started').toMatch(/"step":"database:[a-z]+","status":"start"/);
      run.child.kill(sig);
      const killed = await run.done;
      if (sig === 'SIGHUP') {
        expect(killed.code, explain(killed)).toBe(130);
        // Its tools went with it (the simulated cluster, `sandbox serve`, stays).
        const left = (await leftovers(env.LIFESUB_HOME!, 1_000)).filter((p) => p.pid !== serve.child.pid);
        expect(left, 'no child outlives the CLI by more than 1 s').toEqual([]);
      }
      // SIGKILL leaves the Lease held by a dead process on this host: taken over at once, not after 30 s.
      const next = await runCli(args, { env, timeoutMs: 150_000 });
      expect(next.code, explain(next)).toBe(0);
      if (sig === 'SIGKILL') expect(next.stderr).toMatch(new RegExp(`taking over the lock of id ${id}: .*\\(pid ${run.child.pid}\\)`));
    },
    300_000,
  );

  it('`down` while `up` of the same ID runs: `down` exits 1 naming the holder, `up` finishes', async () => {
    // Started together they need not overlap at all (a `down` can be over before `up` has finished its
    // preflight, and a warm `up` is over in seconds), so: a first `up` of a fresh ID, and `down` starts
    // once that `up` holds the lock and has made the namespace (else there is nothing for `down` to do).
    const up = spawnCli(upArgs('lockz', '--workspace', `${env.LIFESUB_HOME}/ws-lockz`), { env, timeoutMs: 120_000 });
    let out = '';
    up.child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    for (let i = 0; i < 1200 && !/"step":"namespace","status":"done"/.test(out); i++) await new Promise((r) => setTimeout(r, 25));
    const down = await runCli(downArgs('lockz'), { env, timeoutMs: 120_000 });
    const ru = await up.done;
    expect(ru.code, explain(ru)).toBe(0);
    expect(down.code, explain(down)).toBe(1);
    expect(down.stderr).toMatch(new RegExp(`error: id lockz is in use: \`lifesub up\` on host \\S+ \\(pid ${up.child.pid}\\)`));
  }, 150_000);
});
