// Labels that mark what lifesub created and for which ID (used by `status` and `down` to find it).
import type { KubeObject } from '../adapters/types.js';
import type { Settings } from '../config/schema.js';

export function lifesubLabels(settings: Settings): Record<string, string> {
  return {
    'app.kubernetes.io/managed-by': 'lifesub',
    'lifesub.io/id': settings.id,
    'app.kubernetes.io/part-of': 'lifesub',
  };
}

/** Adds lifesub's labels to an object's own (e.g. `app: member`); lifesub's win, they mark ownership. */
export function labelled(settings: Settings, object: KubeObject): KubeObject {
  const { name, namespace, labels, ...rest } = object.metadata;
  // Rebuilt so that labels sit right under name/namespace in rendered YAML.
  object.metadata = {
    name,
    ...(namespace === undefined ? {} : { namespace }),
    labels: { ...labels, ...lifesubLabels(settings) },
    ...rest,
  };
  return object;
}

/** Pod labels: the selector's `app` plus lifesub's, so pods can be found by ID too. */
export function podLabels(settings: Settings, app: string): Record<string, string> {
  return { app, ...lifesubLabels(settings) };
}

/** Checks the rendered template's shape enough to treat it as a KubeObject (a bug otherwise). */
export function asKubeObject(value: unknown, source: string): KubeObject {
  const o = value as Partial<KubeObject> | null;
  if (!o || typeof o !== 'object' || typeof o.apiVersion !== 'string' || typeof o.kind !== 'string' || !o.metadata) {
    throw new Error(`internal: template ${source} did not render a Kubernetes object`);
  }
  return o as KubeObject;
}
