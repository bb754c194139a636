// Registers the Helm chart repositories of the charts about to be installed (ingress-nginx, bitnami) and
// refreshes their indexes only when a pinned chart version is missing from the local index (`helm repo add` downloads the index, so
// a fresh machine rarely needs the update; a re-run never does). Always safe to repeat.
import { allSettledOrThrow } from '../core/settle.js';
import type { HelmRelease } from '../adapters/types.js';
import { rethrowWithHint } from '../core/errors.js';
import type { Facts, StepDefinition } from '../graph/step.js';

export const chartReposStep: StepDefinition = {
  name: 'chart-repos',
  title: 'Add the Helm chart repositories',
  writes: ['helmReleases'],
  pool: 'helm',
  timeout: 'helm',
  plan: (settings) => {
    const { ingress, postgres } = settings.config;
    return [
      `helm repo add ${ingress.repoName} ${ingress.repoUrl} (only if the ingress controller is to be installed)`,
      `helm repo add ${postgres.repoName} ${postgres.repoUrl} (only if a database is to be installed or moved to ${postgres.chart} ${postgres.version})`,
      `helm repo update ${ingress.repoName} ${postgres.repoName} (only if ${ingress.chart} ${ingress.version} or ${postgres.chart} ${postgres.version} is not in the local index)`,
    ];
  },
  async run(ctx) {
    const { helm } = ctx.adapters;
    const { ingress, postgres } = ctx.settings.config;
    const options = { signal: ctx.signal, onLine: ctx.output };
    // Charts are inputs of installs only: when every release is already deployed (the ingress at any
    // version — it is shared and left as it is — each database at the pinned chart), no repository is needed.
    const seen = await allSettledOrThrow([helm.list(ingress.namespace, options), helm.list(ctx.settings.namespace, options)]).catch(
      rethrowWithHint(`check that helm can reach the cluster: \`helm list -n ${ctx.settings.namespace}\``),
    );
    ctx.facts.helmReleases = seen.flat();
    const databases = ctx.settings.config.services.filter((s) => s.kind === 'backend').map((s) => s.database ?? s.name);
    const pinnedPostgres = `${postgres.chart.split('/').pop()}-${postgres.version}`;
    // Only the repositories of charts about to be installed: a deployed controller is left as it is
    // whatever its version, so a class or a second ID never fetches the ingress-nginx index again.
    const needed = [
      ...(deployedRelease(ctx.facts, ingress.release, ingress.namespace) ? [] : [ingress]),
      ...(databases.every((d) => deployedRelease(ctx.facts, d, ctx.settings.namespace)?.chart === pinnedPostgres) ? [] : [postgres]),
    ];
    if (needed.length === 0) return { skipped: 'every release is deployed; no chart needed' };
    const names = needed.map((c) => c.repoName).join(', ');
    const network = (...urls: string[]) => rethrowWithHint(`check network access to ${urls.join(' and ')}`);
    // All at once (helm locks its repositories file around an add): this step heads the ingress chain.
    await allSettledOrThrow(needed.map((c) => helm.repoAdd(c.repoName, c.repoUrl, options).catch(network(c.repoUrl))));
    // A search that fails only costs the update it would have saved.
    const lookUp = (chart: string, version: string) =>
      helm.chartVersionKnown(chart, version, options).catch(() => {
        ctx.log(`could not look up ${chart} ${version} in the local index; updating the indexes`);
        return false;
      });
    const known = await allSettledOrThrow(needed.map((c) => lookUp(c.chart, c.version)));
    if (known.every(Boolean)) return { message: `${names} (pinned charts in the local index)` };
    await helm
      .repoUpdate(
        needed.map((c) => c.repoName),
        options,
      )
      .catch(network(...needed.map((c) => c.repoUrl)));
    return { message: `${names} (index updated)` };
  },
};

/** The release as chart-repos saw it, if it was deployed then (undefined: ask helm). */
export function deployedRelease(facts: Facts, name: string, namespace: string): HelmRelease | undefined {
  return facts.helmReleases?.find((r) => r.name === name && r.namespace === namespace && r.status === 'deployed');
}
