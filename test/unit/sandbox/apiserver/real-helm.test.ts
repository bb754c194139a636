// Real Helm 3.17 and 4.1 against the sandbox API server: `upgrade --install --wait` of a chart of our
// own with the kinds the lab's charts create (RBAC, webhook configuration, NetworkPolicy, PDB) and a
// hook Job, then status, a second upgrade, and uninstall. Helm 4's default --wait is the kstatus
// watcher (sendInitialEvents bookmarks); Helm 3's polls. Real kubectl then lists what the chart made.
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { kubectlPath, writeKubeconfig } from '../../../support/kubectl.js';
import { REAL_HELMS, helmEnv, realHelmPath } from '../../../support/real-helm.js';
import { TOKEN, startTestCluster, type TestCluster } from './harness.js';

const run = promisify(execFile);
const CHART = resolve(import.meta.dirname, '..', '..', '..', 'fixtures', 'charts', 'fidelity');
let c: TestCluster;
let kubeconfig: string;

beforeAll(async () => {
  c = await startTestCluster();
  kubeconfig = writeKubeconfig(c.dir, c.server.url, TOKEN);
}, 60_000);
afterAll(async () => c.close());

describe.each(REAL_HELMS)('$name against the sandbox API server', (h) => {
  const ns = `fid${h.major}`;
  const helm = async (...args: string[]) => (await run(realHelmPath(h), args, { env: helmEnv(join(c.dir, ns), kubeconfig), timeout: 90_000 })).stdout;
  const kubectl = async (...args: string[]) =>
    (await run(kubectlPath(), args, { env: { ...process.env, KUBECONFIG: kubeconfig, HOME: c.dir }, timeout: 30_000 })).stdout;

  test('upgrade --install --wait deploys the chart, its hook Job completes, helm status says deployed', async () => {
    await helm('upgrade', '--install', 'fid', CHART, '-n', ns, '--create-namespace', '--wait', '--timeout', '60s');
    const status = JSON.parse(await helm('status', 'fid', '-n', ns, '-o', 'json'));
    expect(status.info.status).toBe('deployed');
    expect(status.version).toBe(1);
    const job = JSON.parse(await kubectl('get', 'job', 'fid-hook', '-n', ns, '-o', 'json'));
    expect(job.status.conditions.find((x: { type: string }) => x.type === 'Complete')?.status).toBe('True');
    const listed = JSON.parse(await helm('list', '-n', ns, '-o', 'json'));
    expect(listed.map((r: { name: string; status: string }) => [r.name, r.status])).toEqual([['fid', 'deployed']]);
  }, 120_000);

  test('kubectl lists what the chart made across namespaces: webhook configurations, cluster roles, jobs, endpoints', async () => {
    const out = await kubectl('get', 'validatingwebhookconfigurations,clusterroles,jobs,endpoints', '-A');
    expect(out).toContain(`validatingwebhookconfiguration.admissionregistration.k8s.io/fid-${ns}`);
    expect(out).toContain(`clusterrole.rbac.authorization.k8s.io/fid-${ns}`);
    expect(out).toMatch(new RegExp(`${ns}\\s+job\\.batch/fid-hook\\s+Complete\\s+1/1`));
    expect(out).toMatch(new RegExp(`${ns}\\s+endpoints/fid\\s+10\\.244\\.\\d+\\.\\d+:8080`));
  }, 60_000);

  test('a second upgrade is revision 2 and deployed; uninstall removes the release and its objects', async () => {
    await helm('upgrade', '--install', 'fid', CHART, '-n', ns, '--wait', '--timeout', '60s', '--set', 'image=nginx:1.28');
    expect(JSON.parse(await helm('status', 'fid', '-n', ns, '-o', 'json'))).toMatchObject({ version: 2, info: { status: 'deployed' } });
    expect(JSON.parse(await helm('history', 'fid', '-n', ns, '-o', 'json')).map((r: { status: string }) => r.status)).toEqual(['superseded', 'deployed']);
    await helm('uninstall', 'fid', '-n', ns, '--wait', '--timeout', '60s');
    expect(JSON.parse(await helm('list', '-n', ns, '-o', 'json'))).toEqual([]);
    expect(await kubectl('get', 'clusterrole', `fid-${ns}`, '--ignore-not-found', '-o', 'name')).toBe('');
  }, 120_000);
});
