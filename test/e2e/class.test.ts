// `lifesub class up` through the built CLI against one served sandbox: three students, one of whom
// has a registry the instructor may not import into. The other two end ready with images built once
// (four builds in all, imported server-side); each student's login route reaches only that student's
// backends; the broken one fails alone with its cause; once fixed, a second run touches only it.
// `class status` then shows the class ready, and `class down` removes every student's namespace and
// nothing else (a bystander namespace the instructor made by hand stays, with its ConfigMap).
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchHttp } from '../../src/adapters/http.js';
import {
  assertBuilt,
  explain,
  freshHome,
  killAllCli,
  removeHome,
  runCli,
  startServe,
  writeFile,
  type CliEvent,
  type CliResult,
  type Serve,
} from '../support/cli.js';
import { kubectlPath } from '../support/kubectl.js';

const http = new FetchHttp();
const opts = () => ({ signal: AbortSignal.timeout(10_000), timeoutMs: 5_000 });

interface StudentRow {
  id: string;
  phase: string;
  step?: string;
  cause?: string;
  hint?: string;
  web?: string;
}

function summary(r: CliResult): { ok: boolean; students: StudentRow[] } {
  const s = r.events.find((e) => e.type === 'class-summary');
  expect(s, explain(r)).toBeDefined();
  return s as unknown as { ok: boolean; students: StudentRow[] };
}

const row = (r: CliResult, id: string): StudentRow => summary(r).students.find((s) => s.id === id)!;
const stepsOf = (r: CliResult, id: string): CliEvent[] => r.events.filter((e) => e.type === 'step' && e.id === id);

/** Logs in as the seeded user01 through the student's own member route (lab variant B: bases end in apiPath). */
async function login(web: string): Promise<{ token: string; urls: Record<string, string>; ingress: string }> {
  const env = await http.request({ method: 'GET', url: `${web}/runtime-env.js` }, opts());
  const urls = Object.fromEntries([...env.body.matchAll(/(\w+_URL)\s*:\s*"([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
  const u = new URL(urls.MEMBER_URL!);
  const ingress = `${/^[^.]+\.(\d+\.\d+\.\d+\.\d+)\./.exec(u.hostname)?.[1] ?? u.hostname}:${u.port || '80'}`;
  const res = await http.request(
    {
      method: 'POST',
      url: `${urls.MEMBER_URL}/login`,
      connectTo: ingress,
      headers: { Origin: web, 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: 'user01', password: 'Passw0rd' }),
    },
    opts(),
  );
  expect(res.status, res.body).toBe(200);
  return { token: (JSON.parse(res.body) as { data: { accessToken: string } }).data.accessToken, urls, ingress };
}

async function categories(s: { urls: Record<string, string>; ingress: string }, token: string): Promise<number> {
  const res = await http.request(
    { method: 'GET', url: `${s.urls.MYSUB_URL}/categories`, connectTo: s.ingress, headers: { Authorization: `Bearer ${token}` } },
    opts(),
  );
  return res.status;
}

describe('lifesub class up (built CLI, one served sandbox)', () => {
  let home: string;
  let env: Record<string, string>;
  let serve: Serve | undefined;
  let roster: string;
  let faults: string;

  beforeAll(async () => {
    assertBuilt();
    home = freshHome('class');
    faults = writeFile(home, 'faults.yaml', 'importRefused: [carolcr]\n');
    roster = writeFile(home, 'class.yaml', 'concurrency: 3\nstudents:\n  - id: alice\n  - id: bob\n  - id: carol\n');
    env = { LIFESUB_HOME: home, LIFESUB_SANDBOX_FAULTS: faults, LIFESUB_SANDBOX_LAB_VARIANT: 'B' };
    serve = await startServe(env, { args: ['--profile', 'fast'] });
  });
  afterAll(async () => {
    await serve?.stop();
    killAllCli();
    removeHome(home);
  });

  it('builds once, sets up the others, fails the broken registry alone; fixed, a re-run touches only that student', async () => {
    const first = await runCli(['class', 'up', '--sandbox', '--roster', roster, '-o', 'json'], { env, timeoutMs: 150_000 });
    expect(first.code, explain(first)).toBe(1);
    expect(row(first, 'alice').phase, explain(first)).toBe('ready');
    expect(row(first, 'bob').phase, explain(first)).toBe('ready');
    const carol = row(first, 'carol');
    expect(carol.phase).toBe('failed');
    expect(carol.step).toMatch(/^import:/);
    expect(carol.cause).toMatch(/HTTP 403 AuthorizationFailed/);
    expect(carol.hint).toContain('carolcr');

    // Four images built, all by the shared part; no student built or pushed anything.
    const builds = first.events.filter((e) => e.type === 'step' && String(e.step).startsWith('image:') && e.status === 'done');
    expect(builds.map((e) => e.id)).toEqual(['class', 'class', 'class', 'class']);
    for (const id of ['alice', 'bob', 'carol']) expect(stepsOf(first, id).filter((e) => /^(image|push|jars)/.test(String(e.step)))).toEqual([]);
    expect(stepsOf(first, 'bob').some((e) => e.step === 'import:member' && e.status === 'done')).toBe(true);

    // Each login route reaches its own student's member: alice's token opens alice's mysub, not bob's.
    const alice = await login(row(first, 'alice').web!);
    const bob = await login(row(first, 'bob').web!);
    expect(await categories(alice, alice.token)).toBe(200);
    expect(await categories(bob, bob.token)).toBe(200);
    expect(await categories(bob, alice.token)).not.toBe(200);
    expect(await categories(alice, bob.token)).not.toBe(200);

    // class status repeats what class up recorded for carol, with the command that finishes her.
    const failedStatus = await runCli(['class', 'status', '--sandbox', '--roster', roster, '--only', 'carol', '-o', 'json'], { env, timeoutMs: 60_000 });
    expect(failedStatus.code, explain(failedStatus)).toBe(1);
    const carolRow = (failedStatus.events.find((e) => e.type === 'class-status') as unknown as { students: Array<{ problem?: string }> }).students[0]!;
    expect(carolRow.problem).toMatch(
      /^the last `class up` failed for this student at import:[a-z-]+: .*HTTP 403 AuthorizationFailed.* \(run `lifesub class up --roster .* --sandbox --only carol`\)/,
    );

    // The instructor gets the role on carol's registry; the next run finishes only carol.
    writeFile(home, 'faults.yaml', '{}\n');
    const second = await runCli(['class', 'up', '--sandbox', '--roster', roster, '-o', 'json'], { env, timeoutMs: 120_000 });
    expect(second.code, explain(second)).toBe(0);
    expect(summary(second).students.map((s) => [s.id, s.phase])).toEqual([
      ['alice', 'unchanged'],
      ['bob', 'unchanged'],
      ['carol', 'ready'],
    ]);
    expect(stepsOf(second, 'alice')).toEqual([]);
    expect(stepsOf(second, 'bob')).toEqual([]);
    expect(second.events.filter((e) => e.type === 'step' && String(e.step).startsWith('image:') && e.status === 'done')).toEqual([]);
  }, 300_000);

  it('class status shows the class ready; class down removes every lab and keeps a bystander namespace', async () => {
    const kubectl = (...args: string[]) => execFileSync(kubectlPath(), ['--kubeconfig', serve!.kubeconfig, ...args], { encoding: 'utf8' });
    kubectl('create', 'namespace', 'bystander');
    kubectl('-n', 'bystander', 'create', 'configmap', 'keep-me', '--from-literal=owner=instructor');

    const status = await runCli(['class', 'status', '--sandbox', '--roster', roster, '-o', 'json'], { env, timeoutMs: 60_000 });
    expect(status.code, explain(status)).toBe(0);
    const rows = status.events.find((e) => e.type === 'class-status') as unknown as { students: Array<{ id: string; ready: boolean; web?: string }> };
    expect(rows.students.map((r) => [r.id, r.ready, !!r.web])).toEqual([
      ['alice', true, true],
      ['bob', true, true],
      ['carol', true, true],
    ]);

    const down = await runCli(['class', 'down', '--sandbox', '--roster', roster, '--yes', '-o', 'json'], { env, timeoutMs: 120_000 });
    expect(down.code, explain(down)).toBe(0);
    expect(summary(down).students.map((s) => [s.id, s.phase])).toEqual([
      ['alice', 'removed'],
      ['bob', 'removed'],
      ['carol', 'removed'],
    ]);
    const namespaces = kubectl('get', 'namespaces', '-o', 'name').split('\n');
    expect(namespaces.filter((n) => n.endsWith('-lifesub-ns'))).toEqual([]);
    expect(namespaces).toContain('namespace/bystander');
    expect(kubectl('-n', 'bystander', 'get', 'configmap', 'keep-me', '-o', 'jsonpath={.data.owner}')).toBe('instructor');
  }, 200_000);
});
