// `up --reset-data`: the explicit way to start the databases empty. Each backend database's release is
// uninstalled (its pod holds the volume: a claim in use is not removed, `kubernetes.io/pvc-protection`)
// and its data claim deleted, and the deletion awaited, so the database step installs it afresh and
// PostgreSQL initialises the new volume with the credentials this run keeps or creates.
// chart-repos lists the releases only after this (src/graph/up.ts), so its snapshot shows them gone.
// Only our own namespace is touched (the namespace step refused it unless lifesub created it for this ID),
// and only the claims named for our database releases.
import { rethrowWithHint } from '../core/errors.js';
import type { StepContext } from '../graph/step.js';
import { backendServices } from '../render/services.js';
import { budgetMs } from './budget.js';
import { dataClaimName } from './credentials-recover.js';
import { helmHint } from './helm-release.js';

/** Removes every backend database's release and data claim; resolves with the claims that were deleted. */
export async function resetData(ctx: StepContext): Promise<string[]> {
  const { kube, helm } = ctx.adapters;
  const { namespace } = ctx.settings;
  const removed: string[] = [];
  for (const s of backendServices(ctx.settings)) {
    const claim = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: dataClaimName(s.database), namespace };
    if (!(await kube.get(claim, ctx.signal))) continue;
    ctx.log(`--reset-data: uninstalling release ${s.database} and deleting its data volume ${claim.name}`);
    await helm.uninstall(s.database, namespace, { signal: ctx.signal, onLine: ctx.output }).catch(rethrowWithHint(helmHint(s.database, namespace)));
    await kube.delete(claim, ctx.signal);
    await kube.waitFor(claim, (obj) => (obj ? undefined : true), {
      signal: ctx.signal,
      timeoutMs: budgetMs(ctx.settings, 'helm'),
      describe: `deletion of data volume claim ${namespace}/${claim.name}`,
      hint: `a pod still uses it? \`kubectl describe pvc ${claim.name} -n ${namespace}\``,
    });
    removed.push(claim.name);
  }
  return removed;
}
