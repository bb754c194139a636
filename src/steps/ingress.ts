// The ingress-nginx controller is shared by everyone on the cluster: if any release of it exists we
// leave it exactly as it is. Only when there is none do we install it (pinned version), marking what
// we create as installed by lifesub so `down --include-ingress` knows it may remove it later.
import type { KubeObject } from '../adapters/types.js';
import type { Step } from '../graph/step.js';
import { renderIngressValues } from '../render/index.js';
import { budgetMs } from './budget.js';
import { INSTALLED_BY, MANAGED_BY } from './ownership.js';

export const ingressStep: Step = {
  name: 'ingress',
  title: 'Install the ingress controller (shared)',
  needs: ['chart-repos', 'preflight'],
  pool: 'helm',
  timeout: 'helm',
  plan: (settings) => {
    const i = settings.config.ingress;
    return [
      `if no release ${i.release} exists in ${i.namespace}: helm upgrade --install ${i.release} ${i.chart} --version ${i.version} -n ${i.namespace} --create-namespace --values <ingress values>`,
    ];
  },
  async run(ctx) {
    const { kube, helm } = ctx.adapters;
    const i = ctx.settings.config.ingress;
    const existing = await helm.status(i.release, i.namespace, { signal: ctx.signal });
    if (existing) {
      const state = existing.status === 'deployed' ? '' : ` in state ${existing.status}`;
      if (state) ctx.log(`warning: release ${i.release}${state}; it is shared, so lifesub leaves it to its owner`);
      return { skipped: `already installed${state} (${existing.chart}; shared; left unchanged)` };
    }
    // Created by us (not by helm's --create-namespace) so that it carries our label; if it already
    // exists, create leaves it alone and it stays someone else's.
    const created = await kube.create(ingressNamespace(i.namespace), ctx.signal);
    if (created) ctx.log(`created namespace ${i.namespace}`);
    ctx.log(`installing ${i.chart} ${i.version} as ${i.release} in ${i.namespace}`);
    await helm.upgradeInstall(
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
      { signal: ctx.signal, onLine: ctx.log },
    );
    return { message: `installed ${i.release} ${i.version} in ${i.namespace}` };
  },
};

function ingressNamespace(name: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { [MANAGED_BY]: 'lifesub', [INSTALLED_BY]: 'lifesub' } },
  };
}
