// Registers the two Helm chart repositories (ingress-nginx, bitnami) and refreshes their indexes only
// when a pinned chart version is missing from the local index (`helm repo add` downloads the index, so
// a fresh machine rarely needs the update; a re-run never does). Always safe to repeat.
import { rethrowWithHint } from '../core/errors.js';
import type { Step } from '../graph/step.js';

export const chartReposStep: Step = {
  name: 'chart-repos',
  title: 'Add the Helm chart repositories',
  needs: [],
  pool: 'helm',
  timeout: 'helm',
  plan: (settings) => {
    const { ingress, postgres } = settings.config;
    return [
      `helm repo add ${ingress.repoName} ${ingress.repoUrl}`,
      `helm repo add ${postgres.repoName} ${postgres.repoUrl}`,
      `helm repo update ${ingress.repoName} ${postgres.repoName} (only if ${ingress.chart} ${ingress.version} or ${postgres.chart} ${postgres.version} is not in the local index)`,
    ];
  },
  async run(ctx) {
    const { helm } = ctx.adapters;
    const { ingress, postgres } = ctx.settings.config;
    const options = { signal: ctx.signal, onLine: ctx.log };
    const network = (...urls: string[]) => rethrowWithHint(`check network access to ${urls.join(' and ')}`);
    await helm.repoAdd(ingress.repoName, ingress.repoUrl, options).catch(network(ingress.repoUrl));
    await helm.repoAdd(postgres.repoName, postgres.repoUrl, options).catch(network(postgres.repoUrl));
    const known = await Promise.all([
      helm.chartVersionKnown(ingress.chart, ingress.version, options),
      helm.chartVersionKnown(postgres.chart, postgres.version, options),
    ]);
    if (known.every(Boolean)) return { message: `${ingress.repoName}, ${postgres.repoName} (pinned charts in the local index)` };
    await helm.repoUpdate([ingress.repoName, postgres.repoName], options).catch(network(ingress.repoUrl, postgres.repoUrl));
    return { message: `${ingress.repoName}, ${postgres.repoName} (index updated)` };
  },
};
