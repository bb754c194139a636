// `helm upgrade --install` / `helm install`: render the simulated chart, record the release like
// helm (pending → deployed, previous revision superseded), apply the objects server-side.
import type { KubeObject } from '../../adapters/types.js';
import type { Chart } from './charts/index.js';
import { OPTIONAL_KINDS } from './charts/index.js';
import type { Values } from './charts/values.js';
import { KubeClient, KubeRequestError, type Target } from './kube-client.js';
import { encodeRelease, helmTime, history, manifestObjects, type Release } from './helm-releases.js';
import { waitReady } from './helm-wait.js';
import { ToolExit, type ToolContext } from './runtime.js';

export interface InstallRequest {
  release: string;
  chart: Chart;
  version: string;
  namespace: string;
  createNamespace: boolean;
  values: Values;
  /** `helm upgrade` without --install refuses to create; `helm install` refuses to upgrade. */
  mode: 'upgrade-install' | 'upgrade' | 'install';
  wait: boolean;
  timeoutMs: number;
  labels: Record<string, string>;
}

export async function installRelease(ctx: ToolContext, target: Target, req: InstallRequest): Promise<string> {
  const kube = new KubeClient(target, ctx.signal);
  const past = await history(kube, req.namespace, req.release);
  const latest = past[0];
  const upgrading = latest !== undefined && latest.info.status !== 'uninstalled';
  const failWord = upgrading ? 'UPGRADE FAILED' : 'INSTALLATION FAILED';
  const fail = (message: string) => new ToolExit(1, `Error: ${failWord}: ${message}`);
  if (req.mode === 'upgrade' && !upgrading) throw new ToolExit(1, `Error: UPGRADE FAILED: "${req.release}" has no deployed releases`);
  if (req.mode === 'install' && upgrading) throw new ToolExit(1, 'Error: INSTALLATION FAILED: cannot re-use a name that is still in use');
  if (latest?.info.status.startsWith('pending-')) throw fail('another operation (install/upgrade/rollback) is in progress');

  await ensureNamespace(kube, req, fail);
  await checkRequiredSecrets(kube, req, fail);
  const objects = req.chart.render(req.release, req.namespace, req.version, req.values);
  const now = helmTime();
  const release: Release = {
    name: req.release,
    namespace: req.namespace,
    version: (latest?.version ?? 0) + 1,
    info: {
      first_deployed: past[past.length - 1]?.info.first_deployed ?? now,
      last_deployed: now,
      deleted: '',
      description: 'Preparing',
      status: upgrading ? 'pending-upgrade' : 'pending-install',
    },
    chart: { metadata: { name: req.chart.name, version: req.version, appVersion: req.chart.appVersion, apiVersion: 'v2' } },
    config: req.values,
    manifest: objects.map((o) => JSON.stringify(o)).join('\n'),
    labels: req.labels,
  };
  await kube.apply(encodeRelease(release));
  const record = async (status: string, description: string, client = kube) => {
    release.info.status = status;
    release.info.description = description;
    await client.apply(encodeRelease(release));
  };
  try {
    await ctx.delay('helmInstall');
    for (const obj of objects) await applyObject(kube, obj);
    if (latest && upgrading) await pruneRemoved(kube, latest, objects);
    if (req.wait && !(await waitReady(kube, objects, req.timeoutMs, ctx.signal))) {
      await record('failed', `Release "${req.release}" failed: context deadline exceeded`);
      throw fail('context deadline exceeded');
    }
  } catch (err) {
    if (err instanceof ToolExit) throw err;
    // Interrupted or the API refused: leave the record "failed" as helm does, then report.
    const cleanup = new KubeClient(target, AbortSignal.timeout(1000));
    await record('failed', `Release "${req.release}" failed: ${(err as Error).message}`, cleanup).catch(() => undefined);
    if (ctx.signal.aborted) throw err;
    throw fail((err as Error).message);
  }
  for (const old of past.filter((r) => r.info.status === 'deployed')) {
    old.info.status = 'superseded';
    await kube.apply(encodeRelease(old));
  }
  await record('deployed', upgrading ? 'Upgrade complete' : 'Install complete');
  return [
    upgrading ? `Release "${req.release}" has been upgraded. Happy Helming!` : `Release "${req.release}" does not exist. Installing it now.`,
    `NAME: ${req.release}`,
    `LAST DEPLOYED: ${goDate(new Date())}`,
    `NAMESPACE: ${req.namespace}`,
    'STATUS: deployed',
    `REVISION: ${release.version}`,
    'TEST SUITE: None',
    '',
  ].join('\n');
}

async function ensureNamespace(kube: KubeClient, req: InstallRequest, fail: (m: string) => ToolExit): Promise<void> {
  const ns = await kube.get('v1', 'Namespace', undefined, req.namespace);
  if (ns) return;
  if (!req.createNamespace) throw fail(`create: failed to create: namespaces "${req.namespace}" not found`);
  await kube.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: req.namespace, labels: { name: req.namespace } } });
}

/** Charts fail on `existingSecret` pointing at nothing; the sandbox checks up front and says which key. */
async function checkRequiredSecrets(kube: KubeClient, req: InstallRequest, fail: (m: string) => ToolExit): Promise<void> {
  for (const required of req.chart.requiredSecrets?.(req.release, req.values) ?? []) {
    const secret = await kube.get('v1', 'Secret', req.namespace, required.name);
    const where = `execution error at (${req.chart.name}/templates/primary/statefulset.yaml)`;
    if (!secret) throw fail(`${where}: secret "${required.name}" (${required.valuePath}) not found in namespace "${req.namespace}"`);
    const data = { ...((secret.data as Record<string, string> | undefined) ?? {}), ...((secret.stringData as Record<string, string> | undefined) ?? {}) };
    for (const { key, valuePath } of required.keys) {
      if (!(key in data)) throw fail(`${where}: secret "${required.name}" has no key "${key}" (${valuePath})`);
    }
  }
}

async function applyObject(kube: KubeClient, obj: KubeObject): Promise<void> {
  try {
    await kube.apply(obj);
  } catch (err) {
    if (err instanceof KubeRequestError && err.status === 404 && OPTIONAL_KINDS.has(obj.kind)) return;
    if (err instanceof KubeRequestError) {
      throw new Error(`failed to create resource: ${obj.kind} "${obj.metadata.name}": ${err.message}`);
    }
    throw err;
  }
}

/** Objects the previous revision had and this one does not are deleted, as helm does. */
async function pruneRemoved(kube: KubeClient, previous: Release, current: KubeObject[]): Promise<void> {
  const key = (o: KubeObject) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
  const keep = new Set(current.map(key));
  for (const old of manifestObjects(previous).filter((o) => !keep.has(key(o)))) {
    await kube.delete(old.apiVersion, old.kind, old.metadata.namespace, old.metadata.name);
  }
}

/** Go's time.ANSIC-like layout helm prints: "Mon Jan  2 15:04:05 2006". */
export function goDate(d: Date): string {
  const day = d.toUTCString().slice(0, 3);
  const month = d.toUTCString().slice(8, 11);
  return `${day} ${month} ${String(d.getUTCDate()).padStart(2, ' ')} ${d.toISOString().slice(11, 19)} ${d.getUTCFullYear()}`;
}
