// Opt-in (`--clean-legacy`, confirmed by the CLI): removes the previous lab's namespace `lifesub-ns`
// with its Helm releases, as the guide does by hand. Destructive, so it touches only that namespace.
import { rethrowWithHint } from '../core/errors.js';
import type { StepDefinition } from '../graph/step.js';
import { budgetMs } from './budget.js';
import { isTerminating, namespaceRef } from './ownership.js';

export const LEGACY_NAMESPACE = 'lifesub-ns';
export const LEGACY_RELEASES = ['member', 'mysub', 'recommend'] as const;

export const legacyCleanupStep: StepDefinition = {
  name: 'legacy-cleanup',
  title: `Remove the previous lab (namespace ${LEGACY_NAMESPACE})`,
  pool: 'helm',
  timeout: 'helm',
  plan: () => [...LEGACY_RELEASES.map((r) => `helm uninstall ${r} -n ${LEGACY_NAMESPACE}`), `delete namespace ${LEGACY_NAMESPACE} and wait until it is gone`],
  async run(ctx) {
    const { kube, helm } = ctx.adapters;
    const ref = namespaceRef(LEGACY_NAMESPACE);
    const ns = await kube.get(ref, ctx.signal);
    if (!ns) return { skipped: `namespace ${LEGACY_NAMESPACE} does not exist` };

    // A namespace already being deleted cannot get new releases removed; just wait for it.
    if (!isTerminating(ns)) {
      for (const release of LEGACY_RELEASES) {
        const removed = await helm
          .uninstall(release, LEGACY_NAMESPACE, { signal: ctx.signal, onLine: ctx.output })
          .catch(
            rethrowWithHint(
              `see helm's message above; \`helm status ${release} -n ${LEGACY_NAMESPACE}\`, or remove it yourself: \`helm uninstall ${release} -n ${LEGACY_NAMESPACE}\``,
            ),
          );
        ctx.log(removed ? `uninstalled release ${release}` : `release ${release} was not installed`);
      }
      await kube.delete(ref, ctx.signal);
    }
    ctx.log(`waiting for namespace ${LEGACY_NAMESPACE} to be deleted`);
    await kube.waitFor(ref, (obj) => (obj ? undefined : true), {
      signal: ctx.signal,
      timeoutMs: budgetMs(ctx.settings, 'namespaceDelete'),
      describe: `deletion of namespace ${LEGACY_NAMESPACE}`,
      hint: `see what holds it with \`kubectl get all,pvc -n ${LEGACY_NAMESPACE}\` and \`kubectl describe ns ${LEGACY_NAMESPACE}\``,
    });
    return { message: `removed namespace ${LEGACY_NAMESPACE}` };
  },
};
