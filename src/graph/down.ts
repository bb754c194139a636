// The `down` graph:
//
//  preflight ── guard ── uninstall:member|mysub|recommend ── remove-namespace ── [remove-ingress]
//
// guard refuses protected namespaces and any namespace not labelled as lifesub's for this ID;
// remove-ingress is wired only with --include-ingress and checks again that nobody else uses it.
import type { Settings } from '../config/schema.js';
import { guardStep, preflightStep, removeIngressStep, removeNamespaceStep, uninstallStep } from '../steps/index.js';
import type { Step } from './step.js';

export interface DownOptions {
  keepData: boolean;
  includeIngress: boolean;
}

export function downSteps(settings: Settings, options: DownOptions): Step[] {
  const backends = settings.config.services.filter((s) => s.kind === 'backend');
  const steps: Step[] = [preflightStep, guardStep, ...backends.map(uninstallStep), removeNamespaceStep({ keepData: options.keepData, services: settings.config.services })];
  if (options.includeIngress) steps.push(removeIngressStep);
  return steps;
}
