// The whole life cycle against the sandbox, through the built CLI: up → what the cluster holds →
// status → a second up that changes nothing → down → sandbox stop. The tests share one LIFESUB_HOME and
// run in order, against the background sandbox the first up starts (the others attach to it).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { KubernetesObjectApi } from '@kubernetes/client-node';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, cliEnv, explain, freshHome, killAllCli, removeHome, runCli, summaryOf, type CliResult } from '../support/cli.js';
import { helmEnvironment } from '../../src/sandbox/kubeconfig.js';
import { e2eHelm } from '../support/helm.js';
import { LIFESUB_LABELS, changes, get, list, objectApi, snapshot, type Obj } from './helpers/cluster.js';
import { processesMentioning } from './helpers/processes.js';
import { request } from '../support/nip-io.js';
import { DOWN_STEPS, UP_STEPS, expectWellFormed, renderedObjects, runUp, statusTable, upArgs } from './helpers/expect-run.js';

const id = 'e2eup';
const ns = `${id}-lifesub-ns`;
const DATABASES = ['member', 'mysub', 'recommend'];

let home: string;
let userHome: string;
let env: Record<string, string>;
let api: KubernetesObjectApi | undefined;
let firstUp: CliResult;

beforeAll(() => {
  assertBuilt();
  home = freshHome('up');
  // A HOME of its own: a sandbox run (real helm included) must write nothing outside LIFESUB_HOME.
  userHome = join(home, 'user-home');
  mkdirSync(userHome);
  // The background sandbox, as a user gets it (the suite's default is one sandbox per command).
  env = { LIFESUB_HOME: home, HOME: userHome, LIFESUB_SANDBOX_BACKGROUND: '1' };
});

afterAll(async () => {
  killAllCli();
  removeHome(home);
});

function expectLifesubLabels(o: Obj | undefined, what: string): void {
  expect(o, `${what} exists`).toBeDefined();
  expect(o!.metadata.labels ?? {}, `labels of ${what}`).toMatchObject(LIFESUB_LABELS(id));
}

const kubeconfig = (): string => join(home, 'sandbox', 'kubeconfig');

/** The background sandbox the first up started (it outlives up); `status`, `up` and `down` attach to it. */
async function cluster(): Promise<KubernetesObjectApi> {
  return (api ??= objectApi(kubeconfig()));
}

/**
 * The final status of each step in the plain view's lines (`HH:MM:SS step status message`), as the
 * JSON events name them ('already done' is 'skipped'). Every line between the target line and the
 * summary must be such a line: no escape codes, no spinner frames, no raw tool output (helm's JSON).
 */
function plainStatusTable(stdout: string): Record<string, string> {
  const [target, ...rest] = stdout.split('\n');
  expect(target).toMatch(/^lifesub up: context /);
  const progress = rest.slice(0, rest.indexOf(''));
  const table: Record<string, string> = {};
  for (const line of progress) {
    const m = /^\d\d:\d\d:\d\d (\S+) +(start|status|log|output|done|already done|failed|not run|cancelled)( |$)/.exec(line);
    expect(m, `not a plain progress line: ${JSON.stringify(line)}`).not.toBeNull();
    const status = { done: 'done', 'already done': 'skipped', failed: 'failed' }[m![2]!];
    if (status) table[m![1]!] = status;
  }
  expect(stdout).not.toMatch(/\u001b|[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/);
  return table;
}

describe('lifesub up/status/up/down --sandbox (built CLI)', () => {
  it('up --output json: every step done, summary ok with both URLs', async () => {
    firstUp = await runUp(id, { env, timeoutMs: 90_000 });
    expect(firstUp.code, explain(firstUp)).toBe(0);

    // A fresh sandbox has nothing yet, so every step really does its work.
    const expected = Object.fromEntries(UP_STEPS.map((s) => [s, 'done']));
    expect(statusTable(firstUp), explain(firstUp)).toEqual(expected);

    const summary = summaryOf(firstUp);
    expect(summary.ok).toBe(true);
    expect(summary.error).toBeUndefined();
    expect(summary.urls.web, 'urls.web').toMatch(/^http:\/\/\S+$/);
    expect(summary.urls.api, 'urls.api').toMatch(/^http:\/\/\S+$/);
    expect(summary.steps.map((s) => s.step).sort()).toEqual([...UP_STEPS].sort());
    // The app answered over HTTP before up finished.
    const smoke = firstUp.events.find((e) => e.type === 'step' && e.step === 'smoke' && e.status === 'done');
    expect(smoke, explain(firstUp)).toBeDefined();
    expect(firstUp.stderr).toMatch(/SANDBOX/);
  }, 120_000);

  it('after up exited, every URL of its summary answers 200 (the background sandbox stays up)', async () => {
    expect(firstUp?.code, 'the first up must have succeeded').toBe(0);
    const { web, apis } = summaryOf(firstUp).urls;
    expect(Object.keys(apis ?? {}).sort(), 'one API base per backend').toEqual(DATABASES);
    expect((await request('GET', `${web}/`)).status, `GET ${web}/`).toBe(200);
    // A base is not a page: through each, the call the frontend makes answers 200 (the login's token opens the others).
    const login = await request('POST', `${apis!.member}/login`, { userId: 'user01', password: 'Passw0rd' });
    expect(login.status, `POST ${apis!.member}/login → ${login.body}`).toBe(200);
    const token = (JSON.parse(login.body) as { data: { accessToken: string } }).data.accessToken;
    // As the frontend calls them (recommend's controller needs the userId).
    for (const call of [`${apis!.mysub}/categories`, `${apis!.recommend}/categories?userId=user01`]) {
      const r = await request('GET', call, undefined, token);
      expect(r.status, `GET ${call} → ${r.body}`).toBe(200);
    }
  });

  it('wrote nothing outside LIFESUB_HOME (helm’s config, cache and client-go’s discovery cache included)', () => {
    expect(readdirSync(userHome)).toEqual([]);
  });

  it('left every object in the cluster, labelled as lifesub’s', async () => {
    expect(firstUp?.code, 'the first up must have succeeded').toBe(0);
    const k = await cluster();

    const namespace = await get(k, 'v1', 'Namespace', ns);
    expectLifesubLabels(namespace, `namespace ${ns}`);

    // Everything `render` says up applies is there, with lifesub's labels.
    const outDir = mkdtempSync(join(home, 'render-'));
    const render = await runCli(['render', '--id', id, '--out', outDir], { env });
    expect(render.code, explain(render)).toBe(0);
    const rendered = renderedObjects(outDir).filter((o) => o.kind !== 'Namespace');
    expect(rendered.length).toBeGreaterThan(10);
    for (const o of rendered) expectLifesubLabels(await get(k, o.apiVersion, o.kind, o.name, ns), `${o.kind} ${o.name}`);

    // The walkthrough's names, explicitly.
    for (const d of ['member', 'mysub', 'recommend', 'lifesub-web']) {
      const dep = await get(k, 'apps/v1', 'Deployment', d, ns);
      expectLifesubLabels(dep, `deployment ${d}`);
      expect((dep!.status as { readyReplicas?: number }).readyReplicas, `ready replicas of ${d}`).toBeGreaterThanOrEqual(1);
      expectLifesubLabels(await get(k, 'v1', 'Service', d, ns), `service ${d}`);
    }
    const web = await get(k, 'v1', 'Service', 'lifesub-web', ns);
    expect((web!.spec as { type?: string }).type).toBe('LoadBalancer');
    expectLifesubLabels(await get(k, 'networking.k8s.io/v1', 'Ingress', 'backend-ingress', ns), 'ingress backend-ingress');
    for (const cm of ['common-config', 'member-config', 'mysub-config', 'recommend-config']) {
      expectLifesubLabels(await get(k, 'v1', 'ConfigMap', cm, ns), `configmap ${cm}`);
    }
    for (const s of ['lifesub-credentials', 'lifesub-registry', 'common-secret', 'member-secret', 'mysub-secret', 'recommend-secret']) {
      expectLifesubLabels(await get(k, 'v1', 'Secret', s, ns), `secret ${s}`);
    }

    // The frontend's address is an allowed CORS origin.
    const common = await get(k, 'v1', 'ConfigMap', 'common-config', ns);
    expect(common!.data?.ALLOWED_ORIGINS).toContain(summaryOf(firstUp).urls.web);

    // Databases: one bitnami/postgresql StatefulSet per backend, rolled out.
    for (const db of DATABASES) {
      const sts = await get(k, 'apps/v1', 'StatefulSet', `${db}-postgresql`, ns);
      expect(sts, `statefulset ${db}-postgresql`).toBeDefined();
      expect((sts!.status as { readyReplicas?: number }).readyReplicas, `ready replicas of ${db}-postgresql`).toBeGreaterThanOrEqual(1);
    }
    // The shared ingress controller.
    expect(await get(k, 'v1', 'Service', 'ingress-nginx-controller', 'ingress-basic')).toBeDefined();
    // Every Deployment lifesub applied is labelled; nothing in the namespace is unlabelled but the charts' own objects.
    for (const d of await list(k, 'apps/v1', 'Deployment', ns)) expectLifesubLabels(d, `deployment ${d.metadata.name}`);
  }, 60_000);

  it('the real helm of this run (the e2e project’s major) lists and shows the releases up installed', async () => {
    await cluster();
    const helm = e2eHelm();
    expect(helm, 'e2e projects set LIFESUB_TEST_HELM_MAJOR').toBeDefined();
    const run = async (...args: string[]) =>
      (await execa(helm!, [...args, '--kubeconfig', kubeconfig()], { env: { ...cliEnv(env), ...helmEnvironment(join(home, 'sandbox', 'helm')) } })).stdout;
    const releases = JSON.parse(await run('list', '-A', '-o', 'json')) as Array<{ name: string; namespace: string; status: string; chart: string }>;
    expect(releases.map((r) => [r.namespace, r.name, r.status, r.chart]).sort()).toEqual(
      [['ingress-basic', 'ingress-nginx', 'deployed', 'ingress-nginx-4.12.1'], ...DATABASES.map((db) => [ns, db, 'deployed', 'postgresql-14.3.2'])].sort(),
    );
    const status = JSON.parse(await run('status', 'member', '-n', ns, '-o', 'json')) as { name: string; info: { status: string } };
    expect(status).toMatchObject({ name: 'member', info: { status: 'deployed' } });
  });

  it('status --output json: ready, exit 0', async () => {
    await cluster();
    const r = await runCli(['status', '--id', id, '--sandbox', '--output', 'json'], { env, timeoutMs: 30_000 });
    expect(r.code, explain(r)).toBe(0);
    expect(r.events).toHaveLength(1);
    const status = r.events[0]!;
    expect(status).toMatchObject({ type: 'status', id, namespace: ns, ready: true, namespaceState: 'active' });
    expect((status.urls as { web?: string }).web).toBe(summaryOf(firstUp).urls.web);
    // Judged like `up` judges: every release deployed, every workload rolled out, every URL answering.
    expect((status.releases as Array<{ name: string; status: string }>).map((x) => [x.name, x.status])).toEqual([
      ['member', 'deployed'],
      ['mysub', 'deployed'],
      ['recommend', 'deployed'],
      ['ingress-nginx', 'deployed'],
    ]);
    expect((status.workloads as Array<{ rolledOut: boolean }>).every((w) => w.rolledOut)).toBe(true);
    const checks = status.checks as Array<{ name: string; ok: boolean }>;
    expect(checks.map((c) => [c.name, c.ok])).toEqual([
      ['web', true],
      ['runtime-env.js', true],
      ['member', true],
      ['mysub', true],
      ['recommend', true],
    ]);
  }, 40_000);

  it('a second up changes nothing in the cluster and keeps the credentials', async () => {
    expect(firstUp?.code, 'the first up must have succeeded').toBe(0);
    const k = await cluster();
    const namespaces = [ns, 'ingress-basic'];
    const before = await snapshot(k, namespaces);
    const credsBefore = await get(k, 'v1', 'Secret', 'lifesub-credentials', ns);
    expect(before.size).toBeGreaterThan(20);

    // This run prints for people (text, piped: the plain view), so its output is checked too.
    const again = await runCli(
      upArgs(id).filter((a, i, all) => a !== '--output' && all[i - 1] !== '--output'),
      { env, timeoutMs: 90_000 },
    );
    expect(again.code, explain(again)).toBe(0);
    const table = plainStatusTable(again.stdout);
    expect(Object.values(table), explain(again)).not.toContain('failed');
    const { web, api } = summaryOf(firstUp).urls;
    expect(again.stdout).toContain(`web       ${web}\n`);
    expect(again.stdout).toContain(`${api}/api/auth\n`);
    // Nothing changed, so nothing is built, pushed, logged in to, installed, upgraded or applied:
    // every such step skipped (the registry already has each content-tagged image).
    const work = Object.keys(table).filter((s) => /^(jars|image:|push:|docker-login|database:|ingress$|chart-repos|apply)/.test(s));
    expect(work.length).toBe(20);
    for (const s of work) expect(table[s], `${s}\n${explain(again)}`).toBe('skipped');

    const after = await snapshot(k, namespaces);
    expect(changes(before, after), 'objects the second up changed').toEqual([]);
    const credsAfter = await get(k, 'v1', 'Secret', 'lifesub-credentials', ns);
    expect(credsAfter!.data).toEqual(credsBefore!.data);
    expect(Object.keys(credsAfter!.data ?? {}).length).toBeGreaterThan(0);
  }, 120_000);

  it('down --yes: the namespace is gone, the shared ingress controller stays', async () => {
    const k = await cluster();
    const r = await runCli(['down', '--id', id, '--sandbox', '--yes', '--output', 'json'], { env, timeoutMs: 60_000 });
    expect(r.code, explain(r)).toBe(0);
    expectWellFormed(r, 'down', id);
    const steps = statusTable(r);
    for (const s of DOWN_STEPS) expect(steps[s], `${s}\n${explain(r)}`).toBe('done');
    expect(steps['remove-ingress'], 'down without --include-ingress keeps the controller').toBeUndefined();

    expect(await get(k, 'v1', 'Namespace', ns), `namespace ${ns} after down`).toBeUndefined();
    expect(await get(k, 'apps/v1', 'Deployment', 'ingress-nginx-controller', 'ingress-basic')).toBeDefined();
    expect(await get(k, 'v1', 'Service', 'ingress-nginx-controller', 'ingress-basic')).toBeDefined();
    expect(await get(k, 'v1', 'Namespace', 'ingress-basic')).toBeDefined();

    const status = await runCli(['status', '--id', id, '--sandbox', '--output', 'json'], { env, timeoutMs: 30_000 });
    // Nothing of the ID is left: exit 3, not "not ready" (1).
    expect(status.code, explain(status)).toBe(3);
    expect(status.events[0]).toMatchObject({ type: 'status', namespaceState: 'absent', found: false, ready: false });
  }, 90_000);

  it('sandbox stop ends the background sandbox up started and leaves no process (status: test/unit/sandbox/background.test.ts)', async () => {
    const served = JSON.parse(readFileSync(join(home, 'sandbox', 'serve.json'), 'utf8')) as { pid: number; mode: string; profile: string };
    expect(served).toMatchObject({ mode: 'background', profile: 'fast' });
    expect(
      processesMentioning(home).map((p) => p.pid),
      'the background sandbox runs',
    ).toContain(served.pid);

    const stop = await runCli(['sandbox', 'stop'], { env });
    expect(stop.code, explain(stop)).toBe(0);
    expect(stop.stdout).toContain(`sandbox stopped (pid ${served.pid})`);
    // stop returns once the process has ended: nothing of this test's sandbox is left.
    expect(processesMentioning(home)).toEqual([]);
    expect(existsSync(join(home, 'sandbox', 'serve.json')), 'serve.json is gone with it').toBe(false);
  }, 40_000);
});
