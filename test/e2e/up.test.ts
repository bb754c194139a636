// The whole life cycle against the sandbox, through the built CLI: up → what the cluster holds →
// status → a second up that changes nothing → down. The tests share one LIFESUB_HOME and run in order.
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { KubernetesObjectApi } from '@kubernetes/client-node';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, cliEnv, explain, freshHome, killAllCli, removeHome, runCli, startServe, summaryOf, type CliResult, type Serve } from '../support/cli.js';
import { helmEnvironment } from '../../src/sandbox/kubeconfig.js';
import { e2eHelm } from '../support/helm.js';
import { LIFESUB_LABELS, changes, get, list, objectApi, snapshot, type Obj } from './helpers/cluster.js';
import { DOWN_STEPS, UP_STEPS, expectWellFormed, renderedObjects, runUp, statusTable } from './helpers/expect-run.js';

const id = 'e2eup';
const ns = `${id}-lifesub-ns`;
const DATABASES = ['member', 'mysub', 'recommend'];

let home: string;
let userHome: string;
let env: Record<string, string>;
let serve: Serve | undefined;
let api: KubernetesObjectApi;
let firstUp: CliResult;

beforeAll(() => {
  assertBuilt();
  home = freshHome('up');
  // A HOME of its own: a sandbox run (real helm included) must write nothing outside LIFESUB_HOME.
  userHome = join(home, 'user-home');
  mkdirSync(userHome);
  env = { LIFESUB_HOME: home, HOME: userHome };
});

afterAll(async () => {
  await serve?.stop();
  killAllCli();
  removeHome(home);
});

function expectLifesubLabels(o: Obj | undefined, what: string): void {
  expect(o, `${what} exists`).toBeDefined();
  expect(o!.metadata.labels ?? {}, `labels of ${what}`).toMatchObject(LIFESUB_LABELS(id));
}

/** Starts `lifesub sandbox serve` once; `up`, `status` and `down` attach to it while it runs. */
async function cluster(): Promise<KubernetesObjectApi> {
  if (!serve) {
    serve = await startServe(env);
    api = objectApi(serve.kubeconfig);
  }
  return api;
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
    // The app answered over HTTP before up finished (the sandbox stops serving when up exits).
    const smoke = firstUp.events.find((e) => e.type === 'step' && e.step === 'smoke' && e.status === 'done');
    expect(smoke, explain(firstUp)).toBeDefined();
    expect(firstUp.stderr).toMatch(/SANDBOX/);
  }, 120_000);

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
      (await execa(helm!, [...args, '--kubeconfig', serve!.kubeconfig], { env: { ...cliEnv(env), ...helmEnvironment(join(home, 'sandbox', 'helm')) } })).stdout;
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

    const again = await runUp(id, { env, timeoutMs: 90_000 });
    expect(again.code, explain(again)).toBe(0);
    expect(Object.values(statusTable(again)), explain(again)).not.toContain('failed');
    expect(summaryOf(again).urls).toEqual(summaryOf(firstUp).urls);
    // Nothing changed, so nothing is built, pushed, logged in to, installed, upgraded or applied:
    // every such step skipped (the registry already has each content-tagged image).
    const table = statusTable(again);
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
});
