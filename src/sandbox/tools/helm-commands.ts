// `helm uninstall`, `helm list`, `helm status`: read and remove the release records.
import { KubeClient, type Target } from './kube-client.js';
import { history, latestPerRelease, listEntry, manifestObjects, type Release } from './helm-releases.js';
import { waitDeleted } from './helm-wait.js';
import { ToolExit, type ToolContext } from './runtime.js';

export async function uninstall(ctx: ToolContext, target: Target, namespace: string, release: string, wait: boolean, timeoutMs: number): Promise<string> {
  const kube = new KubeClient(target, ctx.signal);
  const past = await history(kube, namespace, release);
  const latest = past[0];
  if (!latest) throw new ToolExit(1, `Error: uninstall: Release not loaded: ${release}: release: not found`);
  await ctx.delay('helmUninstall');
  // Reverse order so workloads go before the Services and Secrets they use. PVCs made from
  // volumeClaimTemplates are not part of the release and stay, exactly like with the real chart.
  const objects = manifestObjects(latest).reverse();
  for (const obj of objects) await kube.delete(obj.apiVersion, obj.kind, obj.metadata.namespace, obj.metadata.name);
  for (const r of past) await kube.delete('v1', 'Secret', namespace, `sh.helm.release.v1.${r.name}.v${r.version}`);
  if (wait && !(await waitDeleted(kube, objects, timeoutMs, ctx.signal))) {
    throw new ToolExit(1, `Error: uninstallation completed with 1 error(s): context deadline exceeded`);
  }
  return `release "${release}" uninstalled\n`;
}

export interface ListRequest {
  namespace: string | undefined;
  all: boolean;
  filter?: string;
  output: string;
  short: boolean;
}

export async function list(ctx: ToolContext, target: Target, req: ListRequest): Promise<string> {
  const kube = new KubeClient(target, ctx.signal);
  let filter: RegExp | undefined;
  try {
    filter = req.filter === undefined ? undefined : new RegExp(req.filter);
  } catch {
    throw new ToolExit(1, `Error: error parsing regexp: invalid filter ${JSON.stringify(req.filter)}`);
  }
  const shown = latestPerRelease(await history(kube, req.namespace))
    .filter((r) => req.all || r.info.status === 'deployed' || r.info.status === 'failed')
    .filter((r) => !filter || filter.test(r.name));
  if (req.output === 'json') return JSON.stringify(shown.map(listEntry)) + '\n';
  if (req.output === 'yaml') return shown.map((r) => Object.entries(listEntry(r)).map(([k, v], i) => `${i === 0 ? '- ' : '  '}${k}: ${v}`).join('\n')).join('\n') + '\n';
  if (req.short) return shown.map((r) => `${r.name}\n`).join('');
  const rows = [['NAME', 'NAMESPACE', 'REVISION', 'UPDATED', 'STATUS', 'CHART', 'APP VERSION'], ...shown.map((r) => Object.values(listEntry(r)))];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('\t').trimEnd() + '\n').join('');
}

export async function status(ctx: ToolContext, target: Target, namespace: string, release: string, output: string): Promise<string> {
  const kube = new KubeClient(target, ctx.signal);
  const latest: Release | undefined = (await history(kube, namespace, release))[0];
  if (!latest) throw new ToolExit(1, 'Error: release: not found');
  if (output === 'json') return JSON.stringify(latest) + '\n';
  return [
    `NAME: ${latest.name}`,
    `LAST DEPLOYED: ${latest.info.last_deployed}`,
    `NAMESPACE: ${latest.namespace}`,
    `STATUS: ${latest.info.status}`,
    `REVISION: ${latest.version}`,
    'TEST SUITE: None',
    '',
  ].join('\n');
}
