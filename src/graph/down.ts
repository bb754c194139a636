// The `down` graph:
//
//  preflight ── guard ── foreign-objects ── uninstall:member|mysub|recommend ── remove-namespace ── [remove-ingress]
//
// guard refuses protected namespaces and any namespace not labelled as lifesub's for this ID;
// foreign-objects stops before any change if the namespace holds objects lifesub did not create (--force);
// remove-ingress is wired only with --include-ingress and checks again that nobody else uses it.
import type { Settings } from '../config/schema.js';
import { clusterPreflightStep, foreignCheckStep, guardStep, removeIngressStep, removeNamespaceStep, uninstallStep } from '../steps/index.js';
import type { Step } from './step.js';

export interface DownOptions {
  keepData: boolean;
  includeIngress: boolean;
  /** Delete objects lifesub did not create along with the namespace. */
  force?: boolean;
}

export function downSteps(settings: Settings, options: DownOptions): Step[] {
  const backends = settings.config.services.filter((s) => s.kind === 'backend');
  const releases = backends.map((s) => s.database ?? s.name);
  const foreignCheck = foreignCheckStep({ force: !!options.force, keepData: options.keepData, releases });
  const afterCheck = (s: Step): Step => ({ ...s, needs: [...s.needs, foreignCheck.name] });
  const steps: Step[] = [
    clusterPreflightStep,
    guardStep,
    foreignCheck,
    ...backends.map(uninstallStep).map(afterCheck),
    removeNamespaceStep({ keepData: options.keepData, services: settings.config.services }),
  ];
  if (options.includeIngress) steps.push(removeIngressStep);
  return steps;
}
