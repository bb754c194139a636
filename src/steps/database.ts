// One PostgreSQL release (bitnami/postgresql, pinned) per backend service. Passwords reach the chart
// only through the existing Secret lifesub-credentials (see renderPostgresValues), never as values.
// The release is ours, in our namespace, so a re-run repairs it whatever state an earlier run left.
import type { ServiceConfig } from '../config/schema.js';
import { rethrowWithHint } from '../core/errors.js';
import type { StepDefinition, StepContext, StepOutcome } from '../graph/step.js';
import { renderPostgresValues } from '../render/index.js';
import { budgetMs } from './budget.js';
import { deployedRelease } from './chart-repos.js';
import { busyError, helmHint, isOwnAttempt, attemptRelease, releaseAction, retryReleaseStep } from './helm-release.js';
import { ID_LABEL } from './ownership.js';

export function databaseStep(service: ServiceConfig): StepDefinition {
  const release = service.database ?? service.name;
  return {
    name: `database:${service.name}`,
    title: `Install database ${release}`,
    reads: ['helmReleases'],
    pool: 'helm',
    timeout: 'helm',
    plan: (settings) => {
      const p = settings.config.postgres;
      return [
        `helm upgrade --install ${release} ${p.chart} --version ${p.version} -n ${settings.namespace} --values <postgres values for ${service.name}> (skipped if already deployed at that version)`,
      ];
    },
    run: (ctx) => retryReleaseStep(ctx, release, () => installDatabase(ctx)),
  };

  async function installDatabase(ctx: StepContext): Promise<StepOutcome> {
    const { helm } = ctx.adapters;
    const { namespace, id } = ctx.settings;
    const p = ctx.settings.config.postgres;
    const pinned = `${p.chart.split('/').pop()}-${p.version}`;
    const hint = helmHint(release, namespace);
    const options = { signal: ctx.signal, onLine: ctx.output };
    const current =
      deployedRelease(ctx.facts, release, namespace) ?? (await helm.status(release, namespace, { signal: ctx.signal }).catch(rethrowWithHint(hint)));
    const action = releaseAction(current, Date.now(), budgetMs(ctx.settings, 'helm'), isOwnAttempt(ctx, namespace, release));
    if (action === 'busy' && current) throw busyError(current);
    // Re-running must not touch a healthy database (a helm upgrade restarts the pod).
    if (action === 'done' && current?.chart === pinned) return { skipped: `already installed (${pinned})` };
    if (action === 'reinstall') {
      // An interrupted install/upgrade left it pending, and helm refuses to touch it until it is
      // uninstalled. Safe: the data volume (a StatefulSet PVC, not part of the release) and the
      // passwords (Secret lifesub-credentials, created by lifesub, not by the chart) both survive
      // `helm uninstall`, so the reinstalled database finds its data and the same passwords.
      ctx.log(
        `release ${release} is stuck in ${current?.status} (an interrupted helm run); uninstalling and installing it again — its data volume and credentials are kept`,
      );
      await helm.uninstall(release, namespace, options).catch(rethrowWithHint(hint));
    } else if (current && action !== 'install') {
      ctx.log(`release ${release} is ${current.status} with ${current.chart}; upgrading to ${pinned}`);
    }
    await attemptRelease(ctx, namespace, release, () =>
      helm.upgradeInstall(
        {
          release,
          chart: p.chart,
          version: p.version,
          namespace,
          values: renderPostgresValues(ctx.settings, service.name),
          timeoutMs: budgetMs(ctx.settings, 'helm'),
          labels: { [ID_LABEL]: id },
        },
        options,
      ),
    ).catch(rethrowWithHint(hint));
    return { message: `${release} (${pinned})` };
  }
}
