// The `down` graph — every edge of `down` is here; the picture is docs/graph.md (`npm run graph`).
//
// guard refuses protected namespaces and any namespace not labelled as lifesub's for this ID;
// foreign-objects stops before any change if the namespace holds objects lifesub did not create (--force);
// remove-ingress is wired only with --include-ingress and checks again that nobody else uses it.
import type { Settings } from '../config/schema.js';
import { clusterPreflightStep, foreignCheckStep, guardStep, removeIngressStep, removeNamespaceStep, uninstallStep } from '../steps/index.js';
import { dependsOn, type Step } from './step.js';

export interface DownOptions {
  keepData: boolean;
  includeIngress: boolean;
  /** Delete objects lifesub did not create along with the namespace. */
  force?: boolean;
}

export function downSteps(settings: Settings, options: DownOptions): Step[] {
  const backends = settings.config.services.filter((s) => s.kind === 'backend');
  const releases = backends.map((s) => s.database ?? s.name);
  const steps: Step[] = [
    dependsOn(clusterPreflightStep),
    dependsOn(guardStep, 'preflight'),
    dependsOn(foreignCheckStep({ force: !!options.force, keepData: options.keepData, releases }), 'guard'),
    ...backends.map((s) => dependsOn(uninstallStep(s), 'foreign-objects')),
    dependsOn(removeNamespaceStep({ keepData: options.keepData, services: settings.config.services }), ...releases.map((r) => `uninstall:${r}`)),
  ];
  if (options.includeIngress) steps.push(dependsOn(removeIngressStep, 'remove-namespace'));
  return steps;
}
