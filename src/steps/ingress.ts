// The ingress-nginx controller is shared by everyone on the cluster. One that already serves IngressClass
// `nginx` is used wherever it is and whoever installed it (ingress-controller.ts); nothing is installed.
// A deployed release is left exactly as it is, whoever installed it. One in another state (an interrupted or failed helm run) is repaired
// only when lifesub installed it (its namespace carries our installed-by label); someone else's is
// reported, never touched. With none at all we install it (pinned version), marking what we create as
// installed by lifesub so `down --include-ingress` knows it may remove it later.
import type { HelmRelease, KubeObject } from '../adapters/types.js';
import { rethrowWithHint, ToolError } from '../core/errors.js';
import type { StepDefinition, StepContext, StepOutcome } from '../graph/step.js';
import { renderIngressValues } from '../render/index.js';
import { budgetMs } from './budget.js';
import { deployedRelease } from './chart-repos.js';
import { busyError, helmHint, isOwnAttempt, attemptRelease, releaseAction, retryReleaseStep } from './helm-release.js';
import { INSTALLED_BY, MANAGED_BY, namespaceRef } from './ownership.js';
import { findIngressController } from './ingress-controller.js';
import { removeIfEmpty } from './empty-namespace.js';

export const ingressStep: StepDefinition = {
  name: 'ingress',
  title: 'Install the ingress controller (shared)',
  reads: ['helmReleases'],
  writes: ['ingressController'],
  pool: 'helm',
  timeout: 'helm',
  plan: (settings) => {
    const i = settings.config.ingress;
    return [
      'use the ingress-nginx controller of IngressClass nginx if the cluster has one, in any namespace (nothing installed)',
      `otherwise, if release ${i.release} in ${i.namespace} is not deployed: helm upgrade --install ${i.release} ${i.chart} --version ${i.version} -n ${i.namespace} --create-namespace --values <ingress values> (a failed or stuck release only if lifesub installed it)`,
    ];
  },
  run: (ctx) => retryReleaseStep(ctx, ctx.settings.config.ingress.release, () => ensureIngress(ctx)),
};

async function ensureIngress(ctx: StepContext): Promise<StepOutcome> {
  const { helm } = ctx.adapters;
  const i = ctx.settings.config.ingress;
  const found = await findIngressController(ctx);
  if (found && !(found.namespace === i.namespace && found.release === i.release)) {
    ctx.facts.ingressController = found;
    const release = found.release ? `, release ${found.release}` : '';
    ctx.log(`IngressClass nginx is served by the ingress-nginx in namespace ${found.namespace}${release}; using it`);
    return { skipped: `using the existing controller: service ${found.service} in ${found.namespace}${release} (shared; left unchanged)` };
  }
  ctx.facts.ingressController = { namespace: i.namespace, service: i.service, release: i.release };
  const hint = helmHint(i.release, i.namespace);
  const existing =
    deployedRelease(ctx.facts, i.release, i.namespace) ?? (await helm.status(i.release, i.namespace, { signal: ctx.signal }).catch(rethrowWithHint(hint)));
  const action = releaseAction(existing, Date.now(), budgetMs(ctx.settings, 'helm'), isOwnAttempt(ctx, i.namespace, i.release));
  if (action === 'busy' && existing) throw busyError(existing);
  if (!existing || action === 'install') {
    await install(ctx);
    return { message: `installed ${i.release} ${i.version} in ${i.namespace}` };
  }
  if (action === 'done') return { skipped: `already installed (${existing.chart}; shared; left unchanged)` };

  const state = existing.status;
  await refuseUnlessOurs(ctx, existing);
  if (action === 'reinstall') {
    // A pending release is an install/upgrade that was killed half-way; helm refuses to touch it
    // until it is uninstalled. The controller keeps no data, so nothing of value is lost.
    ctx.log(
      `release ${i.release} is stuck in ${state} (an interrupted helm run); lifesub installed it and it holds no data, so it is uninstalled and installed again — nothing of value is lost`,
    );
    await helm.uninstall(i.release, i.namespace, { signal: ctx.signal, onLine: ctx.output }).catch(rethrowWithHint(hint));
  } else {
    ctx.log(`release ${i.release} is ${state}; lifesub installed it, so helm upgrade --install repairs it`);
  }
  await install(ctx);
  return { message: `${action === 'reinstall' ? 'reinstalled' : 'repaired'} ${i.release} ${i.version} in ${i.namespace} (was ${state})` };
}

/** A release in a bad state that lifesub did not install belongs to someone who may be repairing it. */
async function refuseUnlessOurs(ctx: StepContext, existing: HelmRelease): Promise<void> {
  const i = ctx.settings.config.ingress;
  const ns = await ctx.adapters.kube.get(namespaceRef(i.namespace), ctx.signal);
  if (ns?.metadata.labels?.[INSTALLED_BY] === 'lifesub') return;
  throw new ToolError(
    `the shared ingress controller (release ${i.release} in ${i.namespace}) is in state ${existing.status} and was not installed by lifesub, so lifesub leaves it alone`,
    `see \`helm status ${i.release} -n ${i.namespace}\`; \`helm rollback ${i.release} -n ${i.namespace}\`, or ask whoever installed it`,
  );
}

async function install(ctx: StepContext): Promise<void> {
  const { kube, helm } = ctx.adapters;
  const i = ctx.settings.config.ingress;
  // Created by us (not by helm's --create-namespace) so that it carries our label; if it already
  // exists, create leaves it alone and it stays someone else's.
  const created = await kube.create(ingressNamespace(i.namespace), ctx.signal);
  if (created) ctx.log(`created namespace ${i.namespace}`);
  ctx.log(`installing ${i.chart} ${i.version} as ${i.release} in ${i.namespace}`);
  try {
    await attemptRelease(ctx, i.namespace, i.release, () => installRelease(ctx));
  } catch (err) {
    // A namespace we just made and helm never wrote into is only clutter; anything in it stays.
    if (created && !ctx.signal.aborted) await removeIfEmpty(ctx, i.namespace);
    throw err;
  }
}

async function installRelease(ctx: StepContext): Promise<void> {
  const { helm } = ctx.adapters;
  const i = ctx.settings.config.ingress;
  await helm
    .upgradeInstall(
      {
        release: i.release,
        chart: i.chart,
        version: i.version,
        namespace: i.namespace,
        createNamespace: true,
        values: renderIngressValues(ctx.settings),
        timeoutMs: budgetMs(ctx.settings, 'helm'),
        labels: { [INSTALLED_BY]: 'lifesub' },
      },
      { signal: ctx.signal, onLine: ctx.output },
    )
    .catch(rethrowWithHint(helmHint(i.release, i.namespace)));
}

function ingressNamespace(name: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { [MANAGED_BY]: 'lifesub', [INSTALLED_BY]: 'lifesub' } },
  };
}
