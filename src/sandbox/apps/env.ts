// A container's environment as the kubelet builds it: `envFrom` ConfigMaps/Secrets first (in order),
// then `env` entries (literal values and `valueFrom` key references) overriding them. A required
// reference that cannot be resolved stops the container from being created (CreateContainerConfigError)
// with the kubelet's own wording (pkg/kubelet/kubelet_pods.go: makeEnvironmentVariables).
import { R } from '../apiserver/resources.js';
import type { Json, KObject } from '../apiserver/types.js';
import type { World } from './world.js';

export type EnvResult = { vars: Record<string, string> } | { error: string };

function dataOf(obj: KObject | undefined, secret: boolean): Record<string, string> {
  if (!obj) return {};
  if (!secret) return { ...(obj.data ?? {}) };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries<string>(obj.data ?? {})) out[k] = Buffer.from(v, 'base64').toString('utf8');
  // stringData is folded into data by a real API server on write; accept it in case a client sent only that.
  for (const [k, v] of Object.entries<string>(obj.stringData ?? {})) out[k] = v;
  return out;
}

/**
 * Resolves the environment of one container of a pod. Errors (as the kubelet words them):
 * `configmap "x" not found`, `secret "x" not found`, `couldn't find key k in ConfigMap ns/x`,
 * `couldn't find key k in Secret ns/x`. Optional references are skipped when absent.
 */
export function containerEnv(world: World, pod: KObject, container: Json): EnvResult {
  const ns = pod.metadata.namespace ?? 'default';
  const vars: Record<string, string> = {};
  const lookup = (kind: 'configmap' | 'secret', name: string): KObject | undefined => world.get(kind === 'configmap' ? R.configmaps : R.secrets, ns, name);
  for (const from of container.envFrom ?? []) {
    const ref = from.configMapRef ?? from.secretRef;
    if (!ref) continue;
    const kind = from.configMapRef ? 'configmap' : 'secret';
    const obj = lookup(kind, ref.name);
    if (!obj) {
      if (ref.optional) continue;
      return { error: `${kind} "${ref.name}" not found` };
    }
    for (const [k, v] of Object.entries(dataOf(obj, kind === 'secret'))) vars[`${from.prefix ?? ''}${k}`] = v;
  }
  for (const e of container.env ?? []) {
    if (e.valueFrom === undefined) {
      vars[e.name] = expandDependent(String(e.value ?? ''), vars);
      continue;
    }
    const ref = e.valueFrom.configMapKeyRef ?? e.valueFrom.secretKeyRef;
    if (ref) {
      const kind = e.valueFrom.configMapKeyRef ? 'configmap' : 'secret';
      const obj = lookup(kind, ref.name);
      if (!obj) {
        if (ref.optional) continue;
        return { error: `${kind} "${ref.name}" not found` };
      }
      const data = dataOf(obj, kind === 'secret');
      if (!(ref.key in data)) {
        if (ref.optional) continue;
        return { error: `couldn't find key ${ref.key} in ${kind === 'secret' ? 'Secret' : 'ConfigMap'} ${ns}/${ref.name}` };
      }
      vars[e.name] = data[ref.key]!;
      continue;
    }
    const field = e.valueFrom.fieldRef?.fieldPath as string | undefined;
    if (field) vars[e.name] = fieldValue(pod, field);
  }
  return { vars };
}

/** `$(VAR)` references to variables defined earlier are expanded, as the kubelet does. */
function expandDependent(value: string, vars: Record<string, string>): string {
  return value.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (whole, name: string) => vars[name] ?? whole);
}

function fieldValue(pod: KObject, path: string): string {
  switch (path) {
    case 'metadata.name':
      return pod.metadata.name;
    case 'metadata.namespace':
      return pod.metadata.namespace ?? '';
    case 'status.podIP':
      return pod.status?.podIP ?? '';
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? '';
    default:
      return '';
  }
}

/** The first container's error, or undefined when every container's environment resolves. */
export function podConfigError(world: World, pod: KObject): string | undefined {
  for (const c of pod.spec?.containers ?? []) {
    const env = containerEnv(world, pod, c);
    if ('error' in env) return env.error;
  }
  return undefined;
}
