// Naming the target before changing it (issue 7, item 9): `up` and `down` change whatever cluster the
// kubeconfig's context points at, so the first thing they say is which context, which API server and
// which namespace. In a terminal, `up` also asks before it sets up an ID on a cluster for the first time.
import { loadKubeConfig, type KubeTarget } from '../adapters/kube/config.js';
import type { Kube } from '../adapters/types.js';
import type { Settings } from '../config/schema.js';
import { namespaceRef, ownedBy } from '../steps/ownership.js';

export interface Target {
  context: string;
  /** The API server URL from the kubeconfig's cluster entry. */
  server: string;
  namespace: string;
  /** The kubeconfig user signs in through an exec plugin: no API call before `preflight` ran it (it may prompt). */
  viaPlugin?: boolean;
}

/**
 * The target as the kubeconfig names it (no network). Undefined when the kubeconfig cannot be read:
 * the `preflight` step then reports why, before anything is changed.
 */
export function resolveTarget(settings: Pick<Settings, 'namespace'> & KubeTarget): Target | undefined {
  try {
    const { context, server, execPlugin } = loadKubeConfig({ kubeconfig: settings.kubeconfig, context: settings.context });
    return { context, server, namespace: settings.namespace, ...(execPlugin ? { viaPlugin: true } : {}) };
  } catch {
    return undefined;
  }
}

/** "lifesub up: context aks-lab, cluster https://…:443, namespace alice-lifesub-ns". */
export function targetLine(command: string, target: Target): string {
  return `lifesub ${command}: context ${target.context}, cluster ${target.server}, namespace ${target.namespace}`;
}

export interface Terminal {
  stdinTTY: boolean;
  stdoutTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** Asks a yes/no question; default: src/cli/confirm.ts on this process's terminal. */
  ask?(question: string, signal: AbortSignal): Promise<boolean>;
}

// Lives in confirm.ts (no client-node there), so asking stays cheap to load.
export { interactive } from './confirm.js';

/**
 * True when this ID has no lifesub namespace on the cluster yet (a first `up` there: the moment a wrong
 * context would do the most harm). An API that cannot be asked counts as new: asking is the safe side.
 */
export async function isNewTarget(kube: Kube, settings: Pick<Settings, 'namespace' | 'id'>, signal: AbortSignal): Promise<boolean> {
  try {
    const ns = await kube.get(namespaceRef(settings.namespace), signal);
    return !ns || !ownedBy(ns, settings.id);
  } catch {
    return true;
  }
}
