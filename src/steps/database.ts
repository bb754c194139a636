// One PostgreSQL release (bitnami/postgresql, pinned) per backend service. Passwords reach the chart
// only through the existing Secret lifesub-credentials (see renderPostgresValues), never as values.
import type { ServiceConfig } from '../config/schema.js';
import type { Step } from '../graph/step.js';
import { renderPostgresValues } from '../render/index.js';
import { budgetMs } from './budget.js';
import { ID_LABEL } from './ownership.js';

export function databaseStep(service: ServiceConfig): Step {
  const release = service.database ?? service.name;
  return {
    name: `database:${service.name}`,
    title: `Install database ${release}`,
    needs: ['credentials', 'chart-repos'],
    pool: 'helm',
    timeout: 'helm',
    plan: (settings) => {
      const p = settings.config.postgres;
      return [`helm upgrade --install ${release} ${p.chart} --version ${p.version} -n ${settings.namespace} --values <postgres values for ${service.name}> (skipped if already deployed at that version)`];
    },
    async run(ctx) {
      const { helm } = ctx.adapters;
      const { namespace, id } = ctx.settings;
      const p = ctx.settings.config.postgres;
      const pinned = `${p.chart.split('/').pop()}-${p.version}`;
      const current = await helm.status(release, namespace, { signal: ctx.signal });
      // Re-running must not touch a healthy database (a helm upgrade restarts the pod).
      if (current?.status === 'deployed' && current.chart === pinned) {
        return { skipped: `already installed (${pinned})` };
      }
      if (current) ctx.log(`release ${release} is ${current.status} with ${current.chart}; upgrading to ${pinned}`);
      await helm.upgradeInstall(
        {
          release,
          chart: p.chart,
          version: p.version,
          namespace,
          values: renderPostgresValues(ctx.settings, service.name),
          timeoutMs: budgetMs(ctx.settings, 'helm'),
          labels: { [ID_LABEL]: id },
        },
        { signal: ctx.signal, onLine: ctx.log },
      );
      return { message: `${release} (${pinned})` };
    },
  };
}
