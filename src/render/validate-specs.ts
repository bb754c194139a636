// Spec checks for the workload and network kinds lifesub renders (Deployment, Service, Ingress):
// known keys, names that reference other objects, ports, probe numbers.
import type { KubeObject } from '../adapters/types.js';
import { asList, DNS1123_LABEL, isPort, isPortOrName, isRecord, unknownKeys } from './validate-util.js';

export type Report = (problem: string) => void;

const DEPLOYMENT_SPEC = ['replicas', 'selector', 'template', 'strategy', 'minReadySeconds', 'revisionHistoryLimit', 'progressDeadlineSeconds', 'paused'];
const POD_SPEC = [
  'containers',
  'initContainers',
  'volumes',
  'imagePullSecrets',
  'securityContext',
  'serviceAccountName',
  'terminationGracePeriodSeconds',
  'nodeSelector',
  'affinity',
  'tolerations',
  'restartPolicy',
];
const CONTAINER = [
  'name',
  'image',
  'imagePullPolicy',
  'ports',
  'resources',
  'env',
  'envFrom',
  'startupProbe',
  'readinessProbe',
  'livenessProbe',
  'volumeMounts',
  'command',
  'args',
  'workingDir',
  'securityContext',
  'lifecycle',
];
const PROBE = ['httpGet', 'tcpSocket', 'exec', 'initialDelaySeconds', 'periodSeconds', 'failureThreshold', 'successThreshold', 'timeoutSeconds'];
const PROBE_NUMBERS = ['initialDelaySeconds', 'periodSeconds', 'failureThreshold', 'successThreshold', 'timeoutSeconds'];
const VOLUME_SOURCES = ['configMap', 'secret', 'emptyDir', 'persistentVolumeClaim'];

/** Reports unknown keys of `value` (a mapping expected at `where`); false if it is not a mapping. */
function keysOf(value: unknown, allowed: readonly string[], where: string, report: Report): value is Record<string, unknown> {
  if (!isRecord(value)) {
    report(`${where} must be a mapping`);
    return false;
  }
  for (const key of unknownKeys(value, allowed)) report(`unknown key '${where}.${key}'`);
  return true;
}

function named(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

export function checkDeployment(o: KubeObject, report: Report): void {
  const spec = o['spec'];
  if (!keysOf(spec, DEPLOYMENT_SPEC, 'spec', report)) return;
  const template = spec['template'];
  if (!keysOf(template, ['metadata', 'spec'], 'spec.template', report)) return;
  const podMeta = isRecord(template['metadata']) ? template['metadata'] : {};
  const podLabels = isRecord(podMeta['labels']) ? podMeta['labels'] : {};

  const selector = isRecord(spec['selector']) ? spec['selector']['matchLabels'] : undefined;
  if (!isRecord(selector) || Object.keys(selector).length === 0) report('spec.selector.matchLabels is missing');
  else {
    for (const [k, v] of Object.entries(selector)) {
      if (podLabels[k] !== v) report(`spec.selector.matchLabels ${k}=${String(v)} does not match the pod template labels`);
    }
  }

  const pod = template['spec'];
  if (!keysOf(pod, POD_SPEC, 'spec.template.spec', report)) return;
  asList(pod['imagePullSecrets']).forEach((s, i) => {
    if (!isRecord(s) || !named(s['name'])) report(`spec.template.spec.imagePullSecrets[${i}] has no name`);
  });
  const volumes = new Set<string>();
  asList(pod['volumes']).forEach((v, i) => checkVolume(v, `spec.template.spec.volumes[${i}]`, volumes, report));
  const containers = asList(pod['containers']);
  if (containers.length === 0) report('spec.template.spec.containers is empty');
  containers.forEach((c, i) => checkContainer(c, `spec.template.spec.containers[${i}]`, volumes, report));
}

function checkVolume(v: unknown, where: string, volumes: Set<string>, report: Report): void {
  if (!keysOf(v, ['name', ...VOLUME_SOURCES], where, report)) return;
  if (!named(v['name'])) report(`${where} has no name`);
  else volumes.add(v['name']);
  const sources = VOLUME_SOURCES.filter((s) => v[s] !== undefined);
  if (sources.length !== 1) report(`${where} needs exactly one source (${VOLUME_SOURCES.join(', ')})`);
  const cm = v['configMap'];
  if (cm !== undefined && (!isRecord(cm) || !named(cm['name']))) report(`${where}.configMap has no name`);
  const secret = v['secret'];
  if (secret !== undefined && (!isRecord(secret) || !named(secret['secretName']))) report(`${where}.secret has no secretName`);
}

function checkContainer(c: unknown, where: string, volumes: Set<string>, report: Report): void {
  if (!keysOf(c, CONTAINER, where, report)) return;
  if (typeof c['name'] !== 'string' || !DNS1123_LABEL.test(c['name'])) report(`${where}.name is not a DNS-1123 label`);
  if (!named(c['image'])) report(`${where}.image is missing`);
  const policy = c['imagePullPolicy'];
  if (policy !== undefined && !['Always', 'IfNotPresent', 'Never'].includes(policy as string))
    report(`${where}.imagePullPolicy '${String(policy)}' is not Always, IfNotPresent or Never`);
  asList(c['ports']).forEach((p, i) => {
    if (keysOf(p, ['containerPort', 'name', 'protocol'], `${where}.ports[${i}]`, report) && !isPort(p['containerPort'])) {
      report(`${where}.ports[${i}].containerPort must be 1–65535`);
    }
  });
  asList(c['envFrom']).forEach((e, i) => {
    const at = `${where}.envFrom[${i}]`;
    if (!keysOf(e, ['configMapRef', 'secretRef', 'prefix'], at, report)) return;
    const ref = e['configMapRef'] ?? e['secretRef'];
    if (!isRecord(ref) || !named(ref['name'])) report(`${at} does not name a ConfigMap or Secret`);
  });
  asList(c['env']).forEach((e, i) => {
    if (!isRecord(e) || !named(e['name'])) report(`${where}.env[${i}] has no name`);
    else if (e['value'] !== undefined && typeof e['value'] !== 'string') report(`${where}.env[${i}].value must be a string`);
  });
  if (c['resources'] !== undefined) keysOf(c['resources'], ['requests', 'limits'], `${where}.resources`, report);
  for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe']) {
    if (c[probe] !== undefined) checkProbe(c[probe], `${where}.${probe}`, report);
  }
  asList(c['volumeMounts']).forEach((m, i) => {
    const at = `${where}.volumeMounts[${i}]`;
    if (!keysOf(m, ['name', 'mountPath', 'subPath', 'readOnly'], at, report)) return;
    if (!named(m['name']) || !volumes.has(m['name'])) report(`${at} refers to volume '${String(m['name'])}' that is not declared`);
    if (typeof m['mountPath'] !== 'string' || !m['mountPath'].startsWith('/')) report(`${at}.mountPath must be an absolute path`);
  });
}

function checkProbe(p: unknown, where: string, report: Report): void {
  if (!keysOf(p, PROBE, where, report)) return;
  for (const key of PROBE_NUMBERS) {
    const n = p[key];
    if (n !== undefined && !(typeof n === 'number' && Number.isInteger(n) && n >= 0)) report(`${where}.${key} must be a whole number ≥ 0`);
  }
  const get = p['httpGet'];
  if (get === undefined) return;
  if (!keysOf(get, ['path', 'port', 'scheme', 'httpHeaders'], `${where}.httpGet`, report)) return;
  if (typeof get['path'] !== 'string' || !get['path'].startsWith('/')) report(`${where}.httpGet.path must start with '/'`);
  if (!isPortOrName(get['port'])) report(`${where}.httpGet.port must be 1–65535 or a port name`);
}

export function checkService(o: KubeObject, report: Report): void {
  const spec = o['spec'];
  if (!keysOf(spec, ['type', 'selector', 'ports', 'clusterIP', 'externalTrafficPolicy', 'loadBalancerIP', 'sessionAffinity'], 'spec', report)) return;
  const type = spec['type'];
  if (type !== undefined && !['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'].includes(type as string))
    report(`spec.type '${String(type)}' is not a Service type`);
  const ports = asList(spec['ports']);
  if (ports.length === 0) report('spec.ports is empty');
  ports.forEach((p, i) => {
    const at = `spec.ports[${i}]`;
    if (!keysOf(p, ['name', 'port', 'targetPort', 'protocol', 'nodePort'], at, report)) return;
    if (!isPort(p['port'])) report(`${at}.port must be 1–65535`);
    if (p['targetPort'] !== undefined && !isPortOrName(p['targetPort'])) report(`${at}.targetPort must be 1–65535 or a port name`);
    if (p['protocol'] !== undefined && !['TCP', 'UDP', 'SCTP'].includes(p['protocol'] as string)) report(`${at}.protocol must be TCP, UDP or SCTP`);
  });
  const selector = spec['selector'];
  if (selector !== undefined && (!isRecord(selector) || Object.values(selector).some((v) => typeof v !== 'string'))) {
    report('spec.selector must map label names to strings');
  }
}

export function checkIngress(o: KubeObject, report: Report): void {
  const spec = o['spec'];
  if (!keysOf(spec, ['ingressClassName', 'rules', 'tls', 'defaultBackend'], 'spec', report)) return;
  asList(spec['rules']).forEach((r, i) => {
    const at = `spec.rules[${i}]`;
    if (!keysOf(r, ['host', 'http'], at, report)) return;
    const http = r['http'];
    if (!keysOf(http, ['paths'], `${at}.http`, report)) return;
    const paths = asList(http['paths']);
    if (paths.length === 0) report(`${at}.http.paths is empty`);
    paths.forEach((p, j) => checkIngressPath(p, `${at}.http.paths[${j}]`, report));
  });
}

function checkIngressPath(p: unknown, where: string, report: Report): void {
  if (!keysOf(p, ['path', 'pathType', 'backend'], where, report)) return;
  if (typeof p['path'] !== 'string' || !p['path'].startsWith('/')) report(`${where}.path must start with '/'`);
  if (!['Exact', 'Prefix', 'ImplementationSpecific'].includes(p['pathType'] as string))
    report(`${where}.pathType must be Exact, Prefix or ImplementationSpecific`);
  const backend = p['backend'];
  if (!keysOf(backend, ['service'], `${where}.backend`, report)) return;
  const service = backend['service'];
  if (!keysOf(service, ['name', 'port'], `${where}.backend.service`, report)) return;
  if (typeof service['name'] !== 'string' || !DNS1123_LABEL.test(service['name'])) report(`${where}.backend.service.name is not a Service name`);
  const port = service['port'];
  if (!isRecord(port) || !(isPort(port['number']) || named(port['name']))) report(`${where}.backend.service.port needs a number 1–65535 or a name`);
}
