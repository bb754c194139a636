// `down`: removes one database release. Helm leaves the StatefulSet's PVCs behind; whether they go is
// remove-namespace's decision (--keep-data).
import type { ServiceConfig } from '../config/schema.js';
import { rethrowWithHint } from '../core/errors.js';
import { need, type StepDefinition } from '../graph/step.js';
import { helmHint } from './helm-release.js';

export function uninstallStep(service: ServiceConfig): StepDefinition {
  const release = service.database ?? service.name;
  return {
    name: `uninstall:${release}`,
    title: `Uninstall database ${release}`,
    reads: ['namespacePresent'],
    pool: 'helm',
    timeout: 'helm',
    plan: (settings) => [`helm uninstall ${release} -n ${settings.namespace}`],
    async run(ctx) {
      if (!need(ctx.facts.namespacePresent, 'namespacePresent')) return { skipped: 'namespace absent' };
      const { namespace } = ctx.settings;
      const removed = await ctx.adapters.helm
        .uninstall(release, namespace, { signal: ctx.signal, onLine: ctx.output })
        .catch(rethrowWithHint(`${helmHint(release, namespace)}; then run lifesub down again`));
      return removed ? { message: `release ${release} removed` } : { skipped: `release ${release} not installed` };
    },
  };
}
